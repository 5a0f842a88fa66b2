import { Upcaster, Upcasters } from '@reform/decider';
import { PlanDraft } from './plan-draft';
import { Day } from './timeframe';
import { timeframesOf } from './plan.decider';

/**
 * Plan events written before the timeframes were recorded (schema v1) carry only the texts; v2
 * records each task's timeframe as read and its due day. Their upcaster reads the texts with the
 * parser of today — the only reading there is of a v1 event, and the one the v1 code applied on
 * every fold — so an event stored as v2 is folded as recorded, whatever the parser becomes.
 */
type V1<Data> = Data & { readonly draft: PlanDraft };

const recordTimeframes = <Data>(type: string, since: (data: V1<Data>) => Day | undefined): Upcaster => ({
  type,
  fromVersion: 1,
  upcast: (data) => {
    const v1 = data as V1<Data>;
    return { ...v1, timeframes: timeframesOf(v1.draft, since(v1)) };
  },
});

export const planUpcasters = new Upcasters([
  recordTimeframes('PlanDrafted', () => undefined),
  recordTimeframes('DraftRevised', () => undefined),
  recordTimeframes<{ issuedOn: Day }>('PlanIssued', (data) => data.issuedOn),
  // "Within N days" counts from the issue day, as the v1 publisher counted it.
  recordTimeframes<{ issuedOn: Day }>('PlanAmended', (data) => data.issuedOn),
]);
