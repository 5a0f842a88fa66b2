import { planUpcasters } from './domain/plan.upcasters';
import { PlanAmendedV1, PlanClosedV1, PlanIssuedV1 } from '@reform/contracts';
import { RecordedEvent, SYSTEM_ACTOR } from '@reform/event-store';
import { PlanCommand, PlanEvent, planDeciderFor, PlanState } from './domain/plan.decider';
import { TEST_CATALOGUE } from './domain/testing/test-catalogue';

const planDecider = planDeciderFor(TEST_CATALOGUE);
import { PlanDraft } from './domain/plan-draft';
import { districtNeighbourhood } from './domain/testing/fixture-hierarchy';
import { publishPlanEvent } from './publish';

const recorded = (streamVersion: number, event: PlanEvent): RecordedEvent => ({
  eventId: `00000000-0000-4000-8000-${String(streamVersion).padStart(12, '0')}`,
  streamId: 'plan-p1',
  streamVersion,
  type: event.type,
  schemaVersion: planUpcasters.currentVersion(event.type),
  data: event.data,
  metadata: { actor: SYSTEM_ACTOR, tenant: '513', correlationId: 'c', causationId: null },
  recordedAt: new Date('2021-06-01T03:00:00Z'),
  globalPosition: { transactionId: '1', position: String(streamVersion) },
  hash: 'h',
  previousHash: null,
});

const draft: PlanDraft = {
  number: '53/KH-UBND',
  title: 'Kế hoạch CCHC năm 2021',
  issuerCode: '513',
  year: 2021,
  frameworks: ['PAR_INDEX'],
  implementsPlanId: 'province-plan',
  sections: [
    {
      code: 'I',
      title: 'Cải cách thủ tục hành chính',
      tasks: [
        {
          text: 'Rà soát thủ tục',
          lead: { text: 'Văn phòng HĐND và UBND huyện' },
          implementing: { text: 'Các phòng, ban, ngành' },
          timeframe: 'Quý III/2021',
          target: '100% thủ tục',
        },
        {
          text: 'Ban hành kế hoạch của xã',
          monitoring: { text: 'Phòng Nội vụ' },
          implementing: { text: 'UBND các xã, thị trấn' },
          timeframe: 'chậm nhất 30 ngày kể từ ngày kế hoạch của huyện được ban hành',
        },
      ],
    },
  ],
  cascade: { text: 'Các xã ban hành kế hoạch trong 30 ngày', withinDays: 30, levels: ['COMMUNE'] },
};

/** The stream as the decider writes it: drafted, issued, amended (t2 rescheduled, t1 removed, t3 added), closed. */
function history(): PlanEvent[] {
  const units = districtNeighbourhood();
  const commands: PlanCommand[] = [
    { type: 'DraftPlan', data: { planId: 'p1', draft } },
    { type: 'IssuePlan', data: { issuedOn: '2021-06-01', units } },
    {
      type: 'AmendPlan',
      data: {
        amendedOn: '2021-09-01',
        reason: 'Điều chỉnh theo Kế hoạch của tỉnh',
        change: {
          sections: [
            {
              ...draft.sections[0],
              tasks: [
                { ...draft.sections[0].tasks[1], taskId: 't2', timeframe: 'Tháng 10/2021' },
                { text: 'Khảo sát SIPAS', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'UBND cấp xã' }, timeframe: 'Tháng 11/2021' },
              ],
            },
          ],
        },
        units,
      },
    },
    { type: 'ClosePlan', data: { closedOn: '2021-12-31', reason: 'Hết năm' } },
  ];
  const events: PlanEvent[] = [];
  let state: PlanState = planDecider.initialState;
  for (const command of commands) {
    const decided = planDecider.decide(command, state);
    events.push(...decided);
    state = decided.reduce(planDecider.evolve, state);
  }
  return events;
}

describe('what leaves the plans service', () => {
  const events = history();
  const messages = events.map((event, i) => publishPlanEvent(recorded(i + 1, event)));

  it('keeps drafts inside', () => {
    expect(messages[0]).toBeNull();
  });

  it('publishes PlanIssued v1 with units resolved, due days from the plan year and issue day, and the cascade', () => {
    const message = messages[1];
    expect(message).toMatchObject({ name: PlanIssuedV1.name, version: 1, subject: 'plans.plan.PlanIssued', eventId: recorded(2, events[1]).eventId });
    const data = PlanIssuedV1.validate(message?.data);
    expect(data).toMatchObject({
      planId: 'p1',
      number: '53/KH-UBND',
      issuerCode: '513',
      issuedOn: '2021-06-01',
      year: 2021,
      implementsPlanId: 'province-plan',
    });
    expect(data.tasks.map((task) => [task.taskId, task.sectionCode, task.dueOn, task.lead, task.monitoring, task.implementing.length])).toEqual([
      ['t1', 'I', '2021-09-30', ['513.VP'], [], 12],
      ['t2', 'I', '2021-07-01', [], ['513.PNV'], 3],
    ]);
    expect(data.tasks[0].timeframe).toMatchObject({ kind: 'quarter', text: 'Quý III/2021' });
    // The target as the plans service reads it, so consumers (scoring's target achievement) never parse it again.
    expect(data.tasks[0]).toMatchObject({ target: '100% thủ tục', parsedTarget: { kind: 'coverage', value: 100, of: 'thủ tục', text: '100% thủ tục' } });
    expect(data.tasks[1].parsedTarget).toBeNull();
    expect(data.cascade).toEqual({ unitCodes: ['20794', '20797', '20800'], dueOn: '2021-07-01', text: 'Các xã ban hành kế hoạch trong 30 ngày' });
  });

  it('publishes PlanAmended v1: the added task with its units, the removed id, the rescheduled task with its new due day', () => {
    const data = PlanAmendedV1.validate(messages[2]?.data);
    expect(data).toMatchObject({ planId: 'p1', revision: 2, reason: 'Điều chỉnh theo Kế hoạch của tỉnh', amendedOn: '2021-09-01', removedTaskIds: ['t1'] });
    expect(data.addedTasks.map((task) => [task.taskId, task.implementing, task.lead, task.dueOn])).toEqual([
      ['t3', ['20794', '20797', '20800'], ['513.PNV'], '2021-11-30'],
    ]);
    expect(data.rescheduledTasks).toEqual([
      { taskId: 't2', timeframe: expect.objectContaining({ kind: 'month', text: 'Tháng 10/2021' }), dueOn: '2021-10-31' },
    ]);
  });

  it('publishes PlanClosed v1', () => {
    expect(PlanClosedV1.validate(messages[3]?.data)).toEqual({ planId: 'p1', closedOn: '2021-12-31', reason: 'Hết năm' });
  });

  it('ignores streams that are not plans', () => {
    expect(publishPlanEvent({ ...recorded(1, events[1]), streamId: 'other-1' })).toBeNull();
  });
});

describe('what a plan of several years publishes', () => {
  it('the years it runs, and no single due day for a yearly task', () => {
    const open: PlanDraft = {
      ...draft,
      title: 'Kế hoạch CCHC năm 2021 và những năm tiếp theo',
      sections: [
        {
          ...draft.sections[0],
          tasks: [{ text: 'Tự đánh giá chỉ số', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'UBND cấp xã' }, timeframe: 'Tháng 12 hàng năm' }],
        },
      ],
    };
    const events = [...planDecider.decide({ type: 'DraftPlan', data: { planId: 'p1', draft: open } }, planDecider.initialState)];
    const drafted = events.reduce(planDecider.evolve, planDecider.initialState);
    const issued = planDecider.decide({ type: 'IssuePlan', data: { issuedOn: '2021-06-01', units: districtNeighbourhood() } }, drafted)[0];
    const message = publishPlanEvent(recorded(2, issued));
    const data = message?.data as PlanIssuedV1;
    expect(data.years).toEqual({ from: 2021, to: null });
    expect(data.tasks[0]).toMatchObject({ timeframe: { kind: 'yearly', month: 12 }, dueOn: null });
  });
});
