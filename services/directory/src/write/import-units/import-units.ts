import { DomainError } from '@reform/decider';
import { EventMetadata, PostgresEventStore, StreamAppend, project } from '@reform/event-store';
import { DIRECTORY_SCHEMA as S } from '../../schema';
import { UnitCommand, UnitLevel, UnitState, unitDecider, unitStreamId, lastPeriod } from '../../domain/unit/unit.decider';
import { loadUnits, unitsProjection } from '../../read/units/units.projection';
import { parseUnitList, RowProblem, UnitListRejected, UnitListRow } from './unit-list';

export interface ImportSummary {
  readonly rows: number;
  readonly established: number;
  readonly renamed: number;
  readonly transferred: number;
  readonly unchanged: number;
}

/**
 * Imports an administrative-unit list (the national GSO list or a province's), all or nothing:
 * every row is checked first, then every change is appended in one transaction with the read
 * model. A row equal to the unit's current state appends nothing, so a second run of the same
 * file appends no event. A changed name or parent is recorded as a rename or transfer effective
 * on `listDate` (the date the list describes).
 *
 * The current state of 10,000+ units comes from the read model, which the same `evolve` built in
 * the same transactions; the expected versions still guard against a concurrent writer.
 */
export async function importUnitList(store: PostgresEventStore, csv: string, options: { listDate: string; metadata: EventMetadata }): Promise<ImportSummary> {
  return store.transaction(async ({ store: tx, manager }) => {
    const levels = new Map<string, UnitLevel>(
      (await manager.query(`SELECT code, level FROM "${S}".units`)).map((row: { code: string; level: UnitLevel }) => [row.code, row.level]),
    );
    const rows = await parseUnitList(csv, (code) => levels.get(code));
    const states = await loadUnits(manager, rows.map((row) => row.code));
    const summary = { rows: rows.length, established: 0, renamed: 0, transferred: 0, unchanged: 0 };
    const problems: RowProblem[] = [];
    const batch: StreamAppend[] = [];
    for (const row of rows) {
      const known = states.get(row.code);
      try {
        const events = decideRow(row, known?.state ?? unitDecider.initialState, options.listDate);
        if (events.length === 0) summary.unchanged++;
        for (const event of events) {
          if (event.type === 'UnitEstablished') summary.established++;
          if (event.type === 'UnitRenamed') summary.renamed++;
          if (event.type === 'UnitTransferred') summary.transferred++;
        }
        if (events.length) batch.push({ streamId: unitStreamId(row.code), expectedVersion: known?.version ?? 0, events });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push({ line: row.line, field: error.field ?? 'code', rule: error.message });
      }
    }
    if (problems.length) throw new UnitListRejected(problems);
    const recorded = await tx.appendMany(batch, options.metadata);
    await project([unitsProjection], recorded, manager);
    return summary;
  });
}

/** The row compared with the unit's state, through the decider's rules. */
function decideRow(row: UnitListRow, state: UnitState, listDate: string) {
  const commands: UnitCommand[] = [];
  if (state.status === 'absent') {
    commands.push({ type: 'EstablishUnit', data: { code: row.code, name: row.name, type: row.type, level: row.level, kind: null, parentCode: row.parentCode, validFrom: null, parentExists: true } });
  } else {
    const period = lastPeriod(state);
    if (period.name !== row.name || period.type !== row.type) commands.push({ type: 'RenameUnit', data: { name: row.name, type: row.type, effectiveOn: listDate } });
    if (period.parentCode !== row.parentCode && row.parentCode) commands.push({ type: 'TransferUnit', data: { parentCode: row.parentCode, effectiveOn: listDate, parentExists: true } });
  }
  let current = state;
  return commands.flatMap((command) => {
    const events = unitDecider.decide(command, current);
    current = events.reduce(unitDecider.evolve, current);
    return events;
  });
}
