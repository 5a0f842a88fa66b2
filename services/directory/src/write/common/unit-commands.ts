import { DomainError } from '@reform/decider';
import { EventMetadata, PostgresEventStore, RecordedEvent, StreamAppend, project } from '@reform/event-store';
import { UnitCommand, UnitState, unitDecider, unitStreamId } from '../../domain/unit/unit.decider';
import { loadUnits, unitsProjection } from '../../read/units/units.projection';

export interface UnitCommandFailure {
  readonly index: number;
  readonly error: DomainError;
}

/** Several units' commands were refused; nothing was appended. */
export class UnitCommandsRefused extends Error {
  constructor(readonly failures: readonly UnitCommandFailure[]) {
    super(`Unit commands refused: ${failures.map((f) => `#${f.index} ${f.error.code}`).join(', ')}`);
    this.name = 'UnitCommandsRefused';
  }
}

/**
 * Decides a batch of unit commands (several may target one unit, in order) against the units'
 * current state and appends everything in one transaction with the read model, or nothing.
 * Imports and seeds use it; the state comes from the read model (built by the same evolve in
 * the same transactions) so that thousands of units cost two queries, and expected versions
 * still refuse a concurrent writer.
 */
export async function executeUnitCommands(
  store: PostgresEventStore,
  commands: ReadonlyArray<{ readonly code: string; readonly command: UnitCommand }>,
  metadata: EventMetadata,
): Promise<RecordedEvent[]> {
  return store.transaction(async ({ store: tx, manager }) => {
    const known = await loadUnits(manager, [...new Set(commands.map((c) => c.code))]);
    const pending = new Map<string, { state: UnitState; version: number; events: StreamAppend['events'][number][] }>();
    const failures: UnitCommandFailure[] = [];
    commands.forEach(({ code, command }, index) => {
      const unit = pending.get(code) ?? { state: known.get(code)?.state ?? unitDecider.initialState, version: known.get(code)?.version ?? 0, events: [] };
      try {
        const events = unitDecider.decide(command, unit.state);
        unit.state = events.reduce(unitDecider.evolve, unit.state);
        unit.events.push(...events);
        pending.set(code, unit);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        failures.push({ index, error });
      }
    });
    if (failures.length) throw new UnitCommandsRefused(failures);
    const batch = [...pending.entries()]
      .filter(([, unit]) => unit.events.length > 0)
      .map(([code, unit]) => ({ streamId: unitStreamId(code), expectedVersion: unit.version, events: unit.events }));
    const recorded = await tx.appendMany(batch, metadata);
    await project([unitsProjection], recorded, manager);
    return recorded;
  });
}
