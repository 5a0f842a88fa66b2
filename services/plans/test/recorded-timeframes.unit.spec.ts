import { handleCommand, historyOf, InMemoryEventStore, stateAsOf, SYSTEM_ACTOR } from '@reform/event-store';
import { PlanIssuedV1 } from '@reform/contracts';
import { PlanDraft } from '../src/domain/plan-draft';
import { PlanCommand, planDecider, planDeciderFor, planStreamId, PlanState, TimeframeReader } from '../src/domain/plan.decider';
import { TEST_CATALOGUE } from '../src/domain/testing/test-catalogue';
import { planUpcasters } from '../src/domain/plan.upcasters';
import { districtNeighbourhood } from '../src/domain/testing/fixture-hierarchy';
import { parseTimeframe } from '../src/domain/timeframe';
import { publishPlanEvent } from '../src/publish';

/**
 * Issue 14: a plan's history, its `asOf` and what a republish sends are what was decided then,
 * not what today's parser would read. The plan is written by a decider whose parser reads every
 * timeframe as "Tháng 8/2021" (a stand-in for a parser that has changed since); it is read back
 * with the service's own decider, parser and upcasters — and answers as recorded.
 */
const metadata = { actor: SYSTEM_ACTOR, tenant: '513', correlationId: 'c', causationId: null };
const draft: PlanDraft = {
  number: '154/KH-UBND',
  title: 'Kế hoạch nâng cao Chỉ số PAPI năm 2021',
  issuerCode: '513',
  year: 2021,
  frameworks: ['PAPI'],
  sections: [
    {
      title: 'Chất lượng bầu cử',
      tasks: [
        { text: 'Tuyên truyền', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'UBND các xã, thị trấn' }, timeframe: 'Thường xuyên' },
        { text: 'Kiểm tra', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'UBND các xã, thị trấn' }, timeframe: 'Quý III năm 2021' },
      ],
    },
  ],
};
const august: TimeframeReader = (text) => ({ kind: 'month', year: 2021, month: 8, text });
const timeframes = (state: PlanState) => (state.status === 'absent' ? [] : state.sections[0].tasks.map((task) => task.timeframe?.parsed));

async function planWrittenBy(decider: typeof planDecider) {
  const store = new InMemoryEventStore();
  const run = (command: PlanCommand) => handleCommand({ store, decider, streamId: planStreamId('p1'), command, metadata, upcasters: planUpcasters });
  await run({ type: 'DraftPlan', data: { planId: 'p1', draft } });
  await run({ type: 'IssuePlan', data: { issuedOn: '2021-05-31', units: districtNeighbourhood() } });
  return store;
}

describe('timeframes are read once, when decided, and recorded', () => {
  it('the history and asOf of a plan show the timeframes as recorded, not as the current parser reads them', async () => {
    const store = await planWrittenBy(planDeciderFor(TEST_CATALOGUE, august));
    const stored = await store.readStream(planStreamId('p1'));
    expect(stored.map((event) => [event.type, event.schemaVersion])).toEqual([
      ['PlanDrafted', 2],
      ['PlanIssued', 2],
    ]);
    const recorded = [
      expect.objectContaining({ kind: 'month', month: 8, text: 'Thường xuyên' }),
      expect.objectContaining({ kind: 'month', month: 8, text: 'Quý III năm 2021' }),
    ];
    // The current parser would read them otherwise: this is what the test tells apart.
    expect(parseTimeframe('Thường xuyên', { planYear: 2021 }).kind).toBe('ongoing');
    expect(parseTimeframe('Quý III năm 2021', { planYear: 2021 }).kind).toBe('quarter');

    const history = historyOf(planDecider, stored, planUpcasters);
    expect(history.map((entry) => timeframes(entry.state))).toEqual([recorded, recorded]);
    expect(timeframes(await stateAsOf(store, planDecider, planStreamId('p1'), new Date(), planUpcasters))).toEqual(recorded);
  });

  it('a republish sends the timeframes and due days recorded at the issue', async () => {
    const store = await planWrittenBy(planDeciderFor(TEST_CATALOGUE, august));
    const [, issued] = await store.readStream(planStreamId('p1'));
    const message = publishPlanEvent(issued);
    const tasks = (message?.data as PlanIssuedV1).tasks;
    expect(tasks.map((task) => [task.timeframe.kind, task.dueOn])).toEqual([
      ['month', '2021-08-31'],
      ['month', '2021-08-31'],
    ]);
  });

  it('an event stored before the timeframes were recorded (v1) is read with the parser by its upcaster', async () => {
    const store = new InMemoryEventStore();
    const written = await planWrittenBy(planDeciderFor(TEST_CATALOGUE));
    const v2 = await written.readStream(planStreamId('p1'));
    // The same two events as the v1 code wrote them: no `timeframes`, schema version 1.
    const v1 = v2.map(({ type, data }) => {
      const { timeframes: _recorded, ...rest } = data as { timeframes: unknown };
      return { type, data: rest, schemaVersion: 1 };
    });
    await store.append(planStreamId('p1'), 0, v1, metadata);
    const state = await stateAsOf(store, planDecider, planStreamId('p1'), new Date(), planUpcasters);
    expect(timeframes(state)).toEqual([expect.objectContaining({ kind: 'ongoing' }), expect.objectContaining({ kind: 'quarter', quarter: 3 })]);
    const message = publishPlanEvent((await store.readStream(planStreamId('p1')))[1]);
    expect((message?.data as PlanIssuedV1).tasks.map((task) => task.dueOn)).toEqual([null, '2021-09-30']);
    // And folds to the same plan as the v2 events the current code writes.
    expect(state).toEqual(await stateAsOf(written, planDecider, planStreamId('p1'), new Date(), planUpcasters));
  });
});
