import { DomainError } from '@reform/decider';
import { EventMetadata, PostgresEventStore } from '@reform/event-store';
import { DIRECTORY_SCHEMA as S } from '../../schema';
import { hasEnded, lastPeriod, unitDecider, UnitCommand, UnitLevel, UnitState } from '../../domain/unit/unit.decider';
import { loadUnits } from '../../read/units/units.projection';
import { executeUnitCommands } from '../common/unit-commands';
import { LineageRow, parseLineage } from './lineage-list';
import { parseUnitList, RowProblem, UnitListRejected, UnitListRow } from './unit-list';

export interface ReorganisationSummary {
  readonly established: number;
  readonly reorganised: number;
  readonly merged: number;
  readonly split: number;
  readonly dissolved: number;
  /** Events appended in all (0 on a second run of the same files). */
  readonly events: number;
  readonly batches: number;
}

export interface ReorganisationOptions {
  /** The day the change takes effect (2025-07-01), unless a lineage row has its own. */
  readonly effectiveOn: string;
  readonly metadata: EventMetadata;
  /** Called after each batch is committed: events so far, of the total. */
  readonly progress?: (done: number, total: number) => void;
  /** Events per transaction (default 2,000). */
  readonly batchSize?: number;
}

interface Planned {
  readonly code: string;
  readonly command: UnitCommand;
  /** Where the command comes from, to name it if refused. */
  readonly line: number;
  readonly file: 'units' | 'lineage';
}

/**
 * A change of the administrative structure, imported as events: `unitsCsv` is the list of units
 * valid from the change (null when only lineage changes, as for the corrections of a list) and
 * `lineageCsv` says where each old unit went (lineage-list.ts). New units are established on the
 * day; a unit that keeps its code is reorganised (name, type, parent: a commune moves from its
 * district to its province); others are merged, split or dissolved, each citing its row's source.
 * An agency (Sở, Phòng...) ends with its unit: merged into the successor's agency of the same
 * abbreviation when there is one, else dissolved.
 *
 * Every row is checked and every command decided in memory first (nothing written when one is
 * refused); then the events are appended in batches, each with the read model, and progress is
 * reported. What is already recorded is skipped, so importing the same files again appends
 * nothing, and an interrupted import resumes where it stopped.
 */
export async function importReorganisation(
  store: PostgresEventStore,
  unitsCsv: string | null,
  lineageCsv: string,
  options: ReorganisationOptions,
): Promise<ReorganisationSummary> {
  const plan = await store.transaction(async ({ manager }) => {
    const known: Array<{ code: string; level: UnitLevel; parent_code: string | null }> = await manager.query(
      `SELECT code, level, parent_code FROM "${S}".units`,
    );
    const levels = new Map(known.map((row) => [row.code, row.level]));
    const rows = unitsCsv === null ? [] : await parseUnitList(unitsCsv, (code) => levels.get(code));
    const lineage = await parseLineage(lineageCsv);
    const codes = new Set([...rows.map((r) => r.code), ...lineage.map((r) => r.oldCode)]);
    const states = await loadUnits(manager, [...codes]);
    const agencies = new Map<string, string[]>();
    for (const row of known) {
      if (row.level !== 'AGENCY' || !row.parent_code) continue;
      agencies.set(row.parent_code, [...(agencies.get(row.parent_code) ?? []), row.code]);
    }
    const agencyStates = await loadUnits(
      manager,
      [...lineage.map((r) => r.oldCode)].flatMap((code) => agencies.get(code) ?? []),
    );
    return planCommands(rows, lineage, { states, levels, agencies, agencyStates }, options.effectiveOn);
  });

  // Decided in memory first: a refusal names its line and nothing is written.
  const pending = new Map<string, UnitState>();
  const problems: RowProblem[] = [];
  let total = 0;
  for (const step of plan.commands) {
    const state = pending.get(step.code) ?? plan.stateOf(step.code);
    try {
      const events = unitDecider.decide(step.command, state);
      total += events.length;
      pending.set(step.code, events.reduce(unitDecider.evolve, state));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ line: step.line, field: `${step.file === 'units' ? '' : 'lineage.'}${error.field ?? 'code'}`, rule: `${step.code}: ${error.message}` });
    }
  }
  if (problems.length) throw new UnitListRejected(problems.slice(0, 50));

  // Batches of whole units (a unit's commands decide against each other's events).
  const byCode = new Map<string, Planned[]>();
  for (const step of plan.commands) byCode.set(step.code, [...(byCode.get(step.code) ?? []), step]);
  const batchSize = options.batchSize ?? 2000;
  const counts = { UnitEstablished: 0, UnitReorganised: 0, UnitMerged: 0, UnitSplit: 0, UnitDissolved: 0 } as Record<string, number>;
  let done = 0;
  let batches = 0;
  let batch: Planned[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const recorded = await executeUnitCommands(store, batch, options.metadata);
    for (const event of recorded) counts[event.type] = (counts[event.type] ?? 0) + 1;
    done += recorded.length;
    batches += 1;
    batch = [];
    options.progress?.(done, total);
  };
  for (const steps of byCode.values()) {
    batch.push(...steps);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return {
    established: counts.UnitEstablished,
    reorganised: counts.UnitReorganised,
    merged: counts.UnitMerged,
    split: counts.UnitSplit,
    dissolved: counts.UnitDissolved,
    events: done,
    batches,
  };
}

interface Known {
  readonly states: Map<string, { state: UnitState }>;
  readonly levels: Map<string, UnitLevel>;
  /** Agencies by the code of the unit they belong to. */
  readonly agencies: Map<string, string[]>;
  readonly agencyStates: Map<string, { state: UnitState }>;
}

/** What the files ask, unit by unit, in the order the decider needs. Pure but for `known`. */
function planCommands(
  rows: readonly UnitListRow[],
  lineage: readonly LineageRow[],
  known: Known,
  day: string,
): { commands: Planned[]; stateOf: (code: string) => UnitState } {
  const stateOf = (code: string): UnitState => known.states.get(code)?.state ?? known.agencyStates.get(code)?.state ?? unitDecider.initialState;
  const inFile = new Map(rows.map((row) => [row.code, row]));
  const problems: RowProblem[] = [];
  const commands: Planned[] = [];

  const byOld = new Map<string, LineageRow[]>();
  for (const row of lineage) byOld.set(row.oldCode, [...(byOld.get(row.oldCode) ?? []), row]);

  for (const [oldCode, group] of byOld) {
    const first = group[0];
    const state = stateOf(oldCode);
    if (state.status === 'absent') {
      problems.push({ line: first.line, field: 'lineage.old_code', rule: `không có đơn vị mã "${oldCode}" trong danh mục` });
      continue;
    }
    if (state.level.toLowerCase() !== first.oldLevel)
      problems.push({
        line: first.line,
        field: 'lineage.old_level',
        rule: `đơn vị "${oldCode}" là ${state.level.toLowerCase()}, không phải ${first.oldLevel}`,
      });
    for (const row of group) {
      if (row.newCode && !inFile.has(row.newCode) && !known.levels.has(row.newCode))
        problems.push({ line: row.line, field: 'lineage.new_code', rule: `không có đơn vị mã "${row.newCode}" trong tệp hay trong danh mục` });
    }
    const effectiveOn = first.effectiveOn ?? day;
    const at = (command: UnitCommand): Planned => ({ code: oldCode, command, line: first.line, file: 'lineage' });
    // Already recorded (a second run): the unit has ended, or its parts are already given.
    if (hasEnded(state)) continue;
    const intoCodes = group.map((row) => row.newCode).filter((code): code is string => code !== null);
    const continues = intoCodes.includes(oldCode);
    let ends = false;
    if (first.relation === 'abolished' || first.relation === 'unmapped') {
      commands.push(at({ type: 'DissolveUnit', data: { effectiveOn, source: first.source } }));
      ends = true;
    } else if (first.relation === 'merged_into' && !continues) {
      commands.push(at({ type: 'MergeUnit', data: { intoCode: first.newCode as string, effectiveOn, source: first.source, intoExists: true } }));
      ends = true;
    } else if (first.relation === 'split_into') {
      const given = new Set(state.successors.filter((s) => s.effectiveOn === effectiveOn).map((s) => s.code));
      const others = intoCodes.filter((code) => code !== oldCode);
      if (!others.every((code) => given.has(code))) {
        commands.push(
          at({ type: 'SplitUnit', data: { intoCodes, effectiveOn, source: [...new Set(group.map((row) => row.source))].join('; '), intoExist: true } }),
        );
      }
      ends = !continues;
    }
    if (ends) commands.push(...agenciesEnding(oldCode, first, effectiveOn, known, stateOf));
  }

  // Units of the new list: established, or (keeping their code) reorganised, citing their lineage.
  const selfRow = new Map(lineage.filter((row) => row.newCode === row.oldCode).map((row) => [row.oldCode, row]));
  const ordered = [...rows].sort((a, b) => levelOrder(a.level) - levelOrder(b.level));
  const establishing: Planned[] = [];
  for (const row of ordered) {
    const state = stateOf(row.code);
    if (state.status === 'absent') {
      establishing.push({
        code: row.code,
        line: row.line,
        file: 'units',
        command: {
          type: 'EstablishUnit',
          data: {
            code: row.code,
            name: row.name,
            type: row.type,
            level: row.level,
            kind: null,
            parentCode: row.parentCode,
            validFrom: day,
            parentExists: true,
          },
        },
      });
      continue;
    }
    const period = lastPeriod(state);
    if (hasEnded(state) || (period.name === row.name && period.type === row.type && period.parentCode === row.parentCode)) continue;
    const lineageRow = selfRow.get(row.code);
    if (!lineageRow) {
      problems.push({
        line: row.line,
        field: 'code',
        rule: `đơn vị "${row.code}" thay đổi nhưng tệp phả hệ không có dòng ${row.code} → ${row.code} nêu văn bản quyết định`,
      });
      continue;
    }
    commands.push({
      code: row.code,
      line: row.line,
      file: 'units',
      command: {
        type: 'ReorganiseUnit',
        data: {
          name: row.name,
          type: row.type,
          parentCode: row.parentCode,
          effectiveOn: lineageRow.effectiveOn ?? day,
          source: lineageRow.source,
          parentExists: true,
        },
      },
    });
  }
  if (problems.length) throw new UnitListRejected(problems.sort((a, b) => a.line - b.line).slice(0, 50));
  return { commands: [...establishing, ...commands], stateOf };
}

const levelOrder = (level: UnitLevel) => ['PROVINCE', 'DISTRICT', 'COMMUNE', 'AGENCY'].indexOf(level);

/** The agencies of a unit that ends: into the successor's agency of the same abbreviation, else dissolved. */
function agenciesEnding(code: string, row: LineageRow, effectiveOn: string, known: Known, stateOf: (code: string) => UnitState): Planned[] {
  const successor = row.relation === 'merged_into' ? row.newCode : null;
  return (known.agencies.get(code) ?? []).flatMap((agency) => {
    const state = stateOf(agency);
    if (state.status === 'absent' || hasEnded(state)) return [];
    const counterpart = successor ? `${successor}${agency.slice(code.length)}` : null;
    const source = `${row.source} (cơ quan của đơn vị ${code})`;
    const command: UnitCommand =
      counterpart && known.levels.has(counterpart)
        ? { type: 'MergeUnit', data: { intoCode: counterpart, effectiveOn, source, intoExists: true } }
        : { type: 'DissolveUnit', data: { effectiveOn, source } };
    return [{ code: agency, command, line: row.line, file: 'lineage' as const }];
  });
}
