import { correlationIdOfContext } from '@reform/observability';
import { randomUUID } from 'node:crypto';
import { EventMetadata, RecordedEvent, SYSTEM_ACTOR } from '@reform/event-store';
import type { UnitLevel, UnitView } from './unit-hierarchy.port';

/**
 * Tenancy and access across changes of the structure (ADR 0019), once for every service: the
 * directory reads its own units, plans and tasks their copies, through this small reader.
 */
export interface UnitReader {
  /** The unit as it was on `day`; null when it was not in force then. */
  unit(code: string, day: string): Promise<UnitChainLink | null>;
  /** The last recorded state, also of an ended unit. */
  lastKnown(code: string): Promise<UnitChainLink | null>;
}

export type UnitChainLink = Pick<UnitView, 'code' | 'level' | 'parentCode' | 'validFrom' | 'validTo' | 'successors'>;

const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The unit first, then its parents, in the structure in force on `day`. A unit not in force that
 * day answers with its place on its last day (an ended unit: a commune of 2023 stays under its
 * district) or its first (a unit not yet established). [] when the unit is unknown.
 */
export async function chainInForce(reader: UnitReader, code: string, day: string): Promise<UnitChainLink[]> {
  let on = day;
  if (!(await reader.unit(code, day))) {
    const last = await reader.lastKnown(code);
    if (!last) return [];
    on = last.validTo !== null && last.validTo <= day ? dayBefore(last.validTo) : (last.validFrom ?? day);
  }
  const chain: UnitChainLink[] = [];
  for (let next: string | null = code; next && chain.length < 10;) {
    const unit: UnitChainLink | null = await reader.unit(next, on);
    if (!unit) break;
    chain.push(unit);
    next = unit.parentCode;
  }
  return chain;
}

const TERRITORIAL: readonly UnitLevel[] = ['DISTRICT', 'COMMUNE'];

/**
 * The tenant of a chain: the territorial unit right below the province (a district in the
 * two-level structure, a commune since 2025-07-01); the province for its own bodies; `platform`
 * outside any province.
 */
export function tenantOfChain(chain: ReadonlyArray<Pick<UnitView, 'code' | 'level'>>): string {
  const index = chain.findIndex((unit) => unit.level === 'PROVINCE');
  if (index < 0) return 'platform';
  const below = chain[index - 1];
  return below && TERRITORIAL.includes(below.level) ? below.code : chain[index].code;
}

/** The tenant of a piece of work owned by `code`, in the structure in force on `day` (the act's day). */
export async function tenantOf(reader: UnitReader, code: string, day: string): Promise<string> {
  return tenantOfChain(await chainInForce(reader, code, day));
}

/**
 * The codes whose roles cover a record of `code` on `today`: its chain in force (its last place
 * if it has ended), then, through lineage, every successor of a unit of that chain (merges and
 * splits, followed to today's units) with its own chain. So the new Đà Nẵng (48) covers Quảng
 * Nam's (49) records, and a commune the communes that went into it. Null when the unit is unknown.
 */
export async function accessAncestry(reader: UnitReader, code: string, today: string): Promise<string[] | null> {
  const chain = await chainInForce(reader, code, today);
  if (chain.length === 0) return null;
  const codes = chain.map((unit) => unit.code);
  const seen = new Set(codes);
  // Only a change in effect today: before 2025-07-01 a commune does not read its future partner's records.
  const inEffect = (unit: UnitChainLink) => unit.successors.filter((successor) => successor.effectiveOn <= today);
  let frontier = chain.filter((unit) => inEffect(unit).length > 0);
  for (let depth = 0; frontier.length > 0 && depth < 5; depth++) {
    const next: UnitChainLink[] = [];
    for (const unit of frontier) {
      for (const successor of inEffect(unit)) {
        if (seen.has(successor.code)) continue;
        for (const link of await chainInForce(reader, successor.code, today)) {
          if (seen.has(link.code)) continue;
          seen.add(link.code);
          codes.push(link.code);
          if (inEffect(link).length > 0) next.push(link);
        }
      }
    }
    frontier = next;
  }
  return codes;
}

/** Who acts: the account and the unit it acts for (an Identity), or null for the platform itself. */
export interface Acting {
  readonly accountId: string;
  readonly username: string;
  readonly unitCode: string | null;
}

/**
 * The metadata of a command on a record of `unitCode`, the same in every service: the actor, the
 * tenant by the one rule above (`tenantOf` on `today`; `platform` when the record has no unit),
 * and the thread it continues (a fresh correlation unless one is given).
 */
export async function commandMetadata(
  reader: UnitReader,
  acting: Acting | null,
  unitCode: string | null,
  today: string,
  thread: { readonly correlationId?: string; readonly causationId?: string | null } = {},
): Promise<EventMetadata> {
  const actor = acting ? { accountId: acting.accountId, username: acting.username, unitCode: acting.unitCode } : SYSTEM_ACTOR;
  return {
    actor,
    tenant: unitCode ? await tenantOf(reader, unitCode, today) : 'platform',
    correlationId: thread.correlationId ?? correlationIdOfContext(randomUUID),
    causationId: thread.causationId ?? null,
  };
}

/**
 * The metadata of a command on a stream, as `handleCommand` asks for it once the stream is read:
 * the actor, the tenant of `unitCode` (as in `commandMetadata`), and the stream's thread — the
 * correlation of its first event (a fresh one for a new stream), caused by its last (ADR 0013).
 */
export async function streamCommandMetadata(
  reader: UnitReader,
  acting: Acting,
  unitCode: string | null,
  today: string,
): Promise<(past: readonly RecordedEvent[]) => EventMetadata> {
  const tenant = unitCode ? await tenantOf(reader, unitCode, today) : 'platform';
  const actor = { accountId: acting.accountId, username: acting.username, unitCode: acting.unitCode };
  return (past) => ({
    actor,
    tenant,
    correlationId: past[0]?.metadata.correlationId ?? randomUUID(),
    causationId: past.length ? past[past.length - 1].eventId : null,
  });
}
