import { assertNever, Decider, DomainError } from '@reform/decider';
import { PapiRow } from './papi-results';

/**
 * A survey year's provincial PAPI results (stream `papi-<year>`): imported from the published
 * table, imported again when a corrected table comes (each import a revision; the same file twice
 * changes nothing).
 */
export interface PapiSource {
  readonly fileName: string;
  readonly format: 'CSV' | 'XLSX';
  /** SHA-256 of the imported file (hex): the same file twice is one import. */
  readonly sha256: string;
}

export type PapiYearState =
  | { readonly status: 'NONE' }
  | {
      readonly status: 'IMPORTED';
      readonly year: number;
      readonly revision: number;
      readonly rows: readonly PapiRow[];
      readonly source: PapiSource;
      readonly importedOn: string;
    };

export type PapiYearEvent = { type: 'PapiResultsImported'; data: { year: number; revision: number; rows: PapiRow[]; source: PapiSource; on: string } };
export const PAPI_YEAR_EVENT_TYPES: readonly PapiYearEvent['type'][] = ['PapiResultsImported'];

export type PapiYearCommand = { type: 'ImportPapiResults'; data: { year: number; rows: readonly PapiRow[]; source: PapiSource; on: string } };

export const papiYearStreamId = (year: number) => `papi-${year}`;

export const papiYearDecider: Decider<PapiYearCommand, PapiYearEvent, PapiYearState> = {
  initialState: { status: 'NONE' },
  decide(command, state) {
    switch (command.type) {
      case 'ImportPapiResults': {
        const { year, rows, source, on } = command.data;
        if (!Number.isInteger(year) || year < 2009 || year > 2100)
          throw new DomainError('PAPI.YEAR', `Năm khảo sát ${year} không hợp lệ (PAPI có từ năm 2009).`, { kind: 'BAD_USER_INPUT', field: 'year' });
        if (state.status === 'IMPORTED' && state.source.sha256 === source.sha256) return [];
        return [{ type: 'PapiResultsImported', data: { year, revision: state.status === 'IMPORTED' ? state.revision + 1 : 1, rows: [...rows], source, on } }];
      }
      default:
        return assertNever(command.type, 'command');
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'PapiResultsImported':
        return {
          status: 'IMPORTED',
          year: event.data.year,
          revision: event.data.revision,
          rows: event.data.rows,
          source: event.data.source,
          importedOn: event.data.on,
        };
      default:
        return assertNever(event.type, 'event');
    }
  },
};
