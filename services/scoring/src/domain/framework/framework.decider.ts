import { assertNever, Decider, DomainError } from '@reform/decider';
import { PapiEdition } from '../papi/papi-edition';
import { IndexSetDefinition, validateIndexSet } from './index-set';

/**
 * A Framework (stream `framework-<code>`): an index set or a PAPI edition, published in numbered
 * versions. A version, once published, never changes: an assessment keeps the version it was
 * opened with, and a correction is a new version. Loading a province's new set needs no release.
 */
export interface PapiEditionDefinition {
  readonly kind: 'PAPI_EDITION';
  readonly code: string;
  readonly name: string;
  readonly editions: readonly PapiEdition[];
}

/**
 * A framework plans may cite whose criteria the platform does not itemise (SIPAS, ICT INDEX,
 * DDCI, the PAR index as a family): known by code and name, any indicator code accepted.
 */
export interface ListedFrameworkDefinition {
  readonly kind: 'LISTED';
  readonly code: string;
  readonly name: string;
}

export type FrameworkDefinition = IndexSetDefinition | PapiEditionDefinition | ListedFrameworkDefinition;

export interface FrameworkSource {
  readonly fileName: string;
  readonly sha256: string;
}

export interface FrameworkVersion {
  readonly version: number;
  readonly definition: FrameworkDefinition;
  readonly source: FrameworkSource | null;
  readonly publishedOn: string;
}

export type FrameworkState =
  { readonly status: 'NONE' } | { readonly status: 'PUBLISHED'; readonly code: string; readonly versions: readonly FrameworkVersion[] };

export type FrameworkEvent = {
  type: 'FrameworkVersionPublished';
  data: { code: string; version: number; definition: FrameworkDefinition; source: FrameworkSource | null; on: string };
};
export const FRAMEWORK_EVENT_TYPES: readonly FrameworkEvent['type'][] = ['FrameworkVersionPublished'];

export type FrameworkCommand = { type: 'PublishFrameworkVersion'; data: { definition: FrameworkDefinition; source: FrameworkSource | null; on: string } };

export const frameworkStreamId = (code: string) => `framework-${code}`;

/** Same content, same version: key order does not matter. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

export function latestVersion(state: FrameworkState): FrameworkVersion | null {
  return state.status === 'PUBLISHED' ? state.versions[state.versions.length - 1] : null;
}

export const frameworkDecider: Decider<FrameworkCommand, FrameworkEvent, FrameworkState> = {
  initialState: { status: 'NONE' },
  decide(command, state) {
    switch (command.type) {
      case 'PublishFrameworkVersion': {
        const { definition, source, on } = command.data;
        if (definition.kind === 'PAR_INDEX_SET') validateIndexSet(definition);
        else if (definition.kind === 'PAPI_EDITION' && definition.editions.length === 0)
          throw new DomainError('FRAMEWORK.EMPTY', 'Bộ chỉ số PAPI chưa có phiên bản năm nào.', { kind: 'BAD_USER_INPUT', field: 'definition.editions' });
        if (!definition.code?.trim())
          throw new DomainError('FRAMEWORK.CODE', 'Mã bộ chỉ số không được để trống.', { kind: 'BAD_USER_INPUT', field: 'definition.code' });
        if (!definition.name?.trim())
          throw new DomainError('FRAMEWORK.NAME', 'Tên bộ chỉ số không được để trống.', { kind: 'BAD_USER_INPUT', field: 'definition.name' });
        if (state.status === 'PUBLISHED' && state.code !== definition.code)
          throw new DomainError('FRAMEWORK.CODE', 'Mã bộ chỉ số không khớp.', { kind: 'BAD_USER_INPUT', field: 'definition.code' });
        const latest = latestVersion(state);
        if (latest && canonical(latest.definition) === canonical(definition)) return [];
        return [{ type: 'FrameworkVersionPublished', data: { code: definition.code, version: (latest?.version ?? 0) + 1, definition, source, on } }];
      }
      default:
        return assertNever(command.type, 'command');
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'FrameworkVersionPublished': {
        const { code, version, definition, source, on } = event.data;
        const versions = state.status === 'PUBLISHED' ? state.versions : [];
        return { status: 'PUBLISHED', code, versions: [...versions, { version, definition, source, publishedOn: on }] };
      }
      default:
        return assertNever(event.type, 'event');
    }
  },
};
