import { EventStore, stateAsOf } from '@reform/event-store';
import { Day, lastPeriod, periodOn, unitDecider, UnitState, unitStreamId } from '../../domain/unit/unit.decider';
import { UnitView } from './unit-directory';

/**
 * Record time (ADR 0012): a unit as the directory had recorded it at an instant, folded from its
 * own stream with the decider's `evolve`, never from the read models. `day` is valid time, as
 * in `unit(code, asOf)`: the period holding that day (null when the unit was not valid then);
 * without a day, the last recorded period, also of an ended unit, answering for `today`.
 * Null when the unit had not been recorded yet at that instant.
 */
export function unitAsRecorded(state: UnitState, recordedAsOf: Date, on: { readonly day: Day | null; readonly today: Day }): UnitView | null {
  if (state.status === 'absent') return null;
  const period = on.day ? periodOn(state, on.day) : lastPeriod(state);
  if (!period) return null;
  return {
    code: state.code,
    level: state.level,
    kind: state.kind,
    name: period.name,
    type: period.type,
    parentCode: period.parentCode,
    // The unit's whole validity, as the read model's `units` row has it.
    validFrom: state.periods[0].validFrom,
    validTo: lastPeriod(state).validTo,
    aliases: state.aliases ?? [],
    mergedInto: state.mergedInto,
    dissolved: state.dissolved,
    successors: state.successors,
    endSource: state.endSource,
    day: on.day ?? on.today,
    recordedAsOf,
  };
}

/** Reads unit streams up to an instant and folds them: the I/O around `unitAsRecorded`. */
export class UnitsAsRecorded {
  constructor(private readonly store: Pick<EventStore, 'readStream'>) {}

  async state(code: string, recordedAsOf: Date): Promise<UnitState> {
    return stateAsOf(this.store, unitDecider, unitStreamId(code), recordedAsOf);
  }

  async unit(code: string, recordedAsOf: Date, on: { readonly day: Day | null; readonly today: Day }): Promise<UnitView | null> {
    return unitAsRecorded(await this.state(code, recordedAsOf), recordedAsOf, on);
  }

  /** The unit, then its parents up to the root, on `day`, each as recorded at the instant. */
  async ancestry(code: string, recordedAsOf: Date, day: Day): Promise<UnitView[]> {
    const chain: UnitView[] = [];
    for (let next: string | null = code; next && chain.length < 10;) {
      const unit: UnitView | null = await this.unit(next, recordedAsOf, { day, today: day });
      if (!unit) break;
      chain.push(unit);
      next = unit.parentCode;
    }
    return chain;
  }
}
