import { EventMetadata, PostgresEventStore } from '@reform/event-store';
import { DIRECTORY_SCHEMA as S } from '../../schema';
import { UnitCommand, UnitLevel, UnitState, unitDecider, lastPeriod, periodOn } from '../../domain/unit/unit.decider';
import { loadUnits } from '../../read/units/units.projection';
import { executeUnitCommands, UnitCommandsRefused } from '../common/unit-commands';
import { parseUnitList, UnitListRejected, UnitListRow } from './unit-list';

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
 */
export async function importUnitList(store: PostgresEventStore, csv: string, options: { listDate: string; metadata: EventMetadata }): Promise<ImportSummary> {
  const { rows, current } = await store.transaction(async ({ manager }) => {
    const levels = new Map<string, UnitLevel>(
      (await manager.query(`SELECT code, level FROM "${S}".units`)).map((row: { code: string; level: UnitLevel }) => [row.code, row.level]),
    );
    const rows = await parseUnitList(csv, (code) => levels.get(code));
    return {
      rows,
      current: await loadUnits(
        manager,
        rows.map((row) => row.code),
      ),
    };
  });
  const commands = rows.flatMap((row) =>
    commandsFor(row, current.get(row.code)?.state ?? unitDecider.initialState, options.listDate).map((command) => ({ code: row.code, command, row })),
  );
  try {
    const recorded = await executeUnitCommands(store, commands, options.metadata);
    const count = (type: string) => recorded.filter((event) => event.type === type).length;
    const changed = new Set(recorded.map((event) => event.streamId));
    return {
      rows: rows.length,
      established: count('UnitEstablished'),
      renamed: count('UnitRenamed'),
      transferred: count('UnitTransferred'),
      unchanged: rows.length - changed.size,
    };
  } catch (error) {
    if (!(error instanceof UnitCommandsRefused)) throw error;
    throw new UnitListRejected(
      error.failures.map(({ index, error: refusal }) => ({ line: commands[index].row.line, field: refusal.field ?? 'code', rule: refusal.message })),
    );
  }
}

/** What the row asks of the unit: establish it, or rename or move it from the list's date. */
function commandsFor(row: UnitListRow, state: UnitState, listDate: string): UnitCommand[] {
  if (state.status === 'absent') {
    return [
      {
        type: 'EstablishUnit',
        data: { code: row.code, name: row.name, type: row.type, level: row.level, kind: null, parentCode: row.parentCode, validFrom: null, parentExists: true },
      },
    ];
  }
  // Compared with the unit as it was on the list's day: a later change (the 2025 reorganisation)
  // does not make an older list look different.
  const period = periodOn(state, listDate) ?? lastPeriod(state);
  const commands: UnitCommand[] = [];
  if (period.name !== row.name || period.type !== row.type)
    commands.push({ type: 'RenameUnit', data: { name: row.name, type: row.type, effectiveOn: listDate } });
  if (row.parentCode && period.parentCode !== row.parentCode)
    commands.push({ type: 'TransferUnit', data: { parentCode: row.parentCode, effectiveOn: listDate, parentExists: true } });
  return commands;
}
