import { spec } from '@reform/decider';
import { PlanDraft } from './plan-draft';
import { PlanCommand, PlanEvent, planDeciderFor, PlanState, previewIssue, timeframesOf } from './plan.decider';
import { TEST_CATALOGUE } from './testing/test-catalogue';

const planDecider = planDeciderFor(TEST_CATALOGUE);
import { COMMUNES, districtNeighbourhood } from './testing/fixture-hierarchy';

const units = districtNeighbourhood();
const communes = COMMUNES.map((unit) => unit.code);

const draft: PlanDraft = {
  number: '154/KH-UBND',
  title: 'Kế hoạch nâng cao Chỉ số PAPI năm 2021',
  issuerCode: '513',
  year: 2021,
  frameworks: ['PAPI'],
  columns: { lead: 'Đơn vị chủ trì theo dõi', implementing: 'Đơn vị thực hiện', leadMonitors: true },
  sections: [
    {
      code: '1.3',
      title: 'Chất lượng bầu cử',
      indicator: { framework: 'PAPI', code: '1.3' },
      tasks: [
        {
          text: 'Tuyên truyền việc thực hiện bầu cử trưởng thôn',
          target: '100% các xã, thị trấn',
          lead: { text: 'Phòng Nội vụ' },
          implementing: { text: 'UBMT TQ huyện, UBND các xã, thị trấn' },
          timeframe: 'Thường xuyên',
        },
        {
          text: 'Xây dựng kế hoạch kiểm tra liên ngành công tác CCHC',
          lead: { text: 'Phòng Nội vụ' },
          implementing: { text: 'Các phòng, ban, ngành' },
          timeframe: 'Quý III năm 2021',
        },
      ],
    },
  ],
  cascade: { text: 'Trong vòng 30 ngày, UBND các xã, thị trấn ban hành kế hoạch thực hiện', withinDays: 30, levels: ['COMMUNE'] },
};

/** A drafted plan as the decider records it: its timeframes read as drafted. */
const draftedEvent = (planId: string, draft: PlanDraft): PlanEvent => ({
  type: 'PlanDrafted',
  data: { planId, draft, timeframes: timeframesOf(draft, undefined) },
});
const drafted: PlanEvent = draftedEvent('p1', {
  ...draft,
  sections: [{ ...draft.sections[0], tasks: draft.sections[0].tasks.map((task, i) => ({ ...task, taskId: `t${i + 1}` })) }],
});
const issue: PlanCommand = { type: 'IssuePlan', data: { issuedOn: '2021-05-31', units } };
const issuedEvents = () => planDecider.decide(issue, planDecider.evolve(planDecider.initialState, drafted));
const issued = () => issuedEvents()[0];
const withTasks = (tasks: PlanDraft['sections'][number]['tasks']): PlanDraft => ({ ...draft, sections: [{ ...draft.sections[0], tasks }] });

describe('drafting', () => {
  it('gives tasks stable ids in order and keeps the texts as written', () => {
    spec(planDecider)
      .given([])
      .when({ type: 'DraftPlan', data: { planId: 'p1', draft } })
      .then([drafted]);
  });

  it('keeps parsed timeframes and targets beside the text', () => {
    spec(planDecider)
      .given([drafted])
      .when({ type: 'ReviseDraft', data: { draft: (drafted.data as { draft: PlanDraft }).draft } })
      .thenState((state) => {
        if (state.status !== 'draft') throw new Error('not a draft');
        const task = state.sections[0].tasks[1];
        expect(task.timeframe).toEqual({ text: 'Quý III năm 2021', parsed: expect.objectContaining({ kind: 'quarter', year: 2021, quarter: 3 }) });
        expect(state.sections[0].tasks[0].target?.parsed.kind).toBe('coverage');
        expect(state.sections[0].indicator).toEqual({ framework: 'PAPI', code: '1.3' });
      });
  });

  it('refuses an unknown framework, naming it', () => {
    spec(planDecider)
      .given([])
      .when({ type: 'DraftPlan', data: { planId: 'p1', draft: { ...draft, frameworks: ['PAPI', 'XYZ'] } } })
      .thenThrows('PLAN.UNKNOWN_FRAMEWORK', 'input.frameworks[1]');
  });

  it("keeps a plan's reporting requirements as written, each with text, and a named regime's id well formed", () => {
    const withRequirements = (reportingRequirements: PlanDraft['reportingRequirements']) => ({
      type: 'DraftPlan' as const,
      data: { planId: 'p1', draft: { ...draft, reportingRequirements } },
    });
    spec(planDecider)
      .given([])
      .when(withRequirements([{ text: 'báo cáo sơ kết trước ngày 15/9/2021' }, { text: '  ' }]))
      .thenThrows('PLAN.REPORTING_TEXT_REQUIRED', 'input.reportingRequirements[1].text');
    spec(planDecider)
      .given([])
      .when(withRequirements([{ text: 'định kỳ hằng quý', regimeId: 'chế độ 1' }]))
      .thenThrows('PLAN.REPORTING_REGIME_ID', 'input.reportingRequirements[0].regimeId');
    spec(planDecider)
      .given([])
      .when(withRequirements([{ text: 'x'.repeat(2_001) }]))
      .thenThrows('PLAN.REPORTING_TEXT_TOO_LONG', 'input.reportingRequirements[0].text');
  });

  it('refuses an indicator the framework does not have, naming the section', () => {
    spec(planDecider)
      .given([])
      .when({
        type: 'DraftPlan',
        data: { planId: 'p1', draft: { ...draft, sections: [{ ...draft.sections[0], indicator: { framework: 'PAPI', code: '9.9' } }] } },
      })
      .thenThrows('PLAN.UNKNOWN_INDICATOR', 'input.sections[0].indicator');
  });

  it('checks against the catalogue it is given: a set published later is citable by its criteria, and nothing is known without it', () => {
    const set = {
      code: 'CCHC-XA-2019',
      name: 'Bộ chỉ số CCHC cấp xã 2019',
      editions: [{ fromYear: 2019, indicators: [{ code: '2.1', name: 'Ban hành văn bản' }] }],
    };
    const cites = (code: string) => ({
      ...draft,
      frameworks: ['CCHC-XA-2019'],
      sections: [{ ...draft.sections[0], indicator: { framework: 'CCHC-XA-2019', code } }],
    });
    spec(planDeciderFor([...TEST_CATALOGUE, set]))
      .given([])
      .when({ type: 'DraftPlan', data: { planId: 'p1', draft: cites('2.1') } })
      .thenState((state) => expect(state.status).toBe('draft'));
    spec(planDeciderFor([...TEST_CATALOGUE, set]))
      .given([])
      .when({ type: 'DraftPlan', data: { planId: 'p1', draft: cites('2.9') } })
      .thenThrows('PLAN.UNKNOWN_INDICATOR', 'input.sections[0].indicator');
    spec(planDeciderFor(TEST_CATALOGUE))
      .given([])
      .when({ type: 'DraftPlan', data: { planId: 'p1', draft: cites('2.1') } })
      .thenThrows('PLAN.UNKNOWN_FRAMEWORK', 'input.frameworks[0]');
    spec(planDeciderFor([]))
      .given([])
      .when({ type: 'DraftPlan', data: { planId: 'p1', draft } })
      .thenThrows('PLAN.UNKNOWN_FRAMEWORK', 'input.frameworks[0]');
  });

  it("accepts a plan's own sub-item of a PAPI dimension the edition lists (seed 001's 4.6), not one of a set's criteria", () => {
    const cite = (framework: string, code: string) => ({
      ...draft,
      frameworks: [framework],
      sections: [{ ...draft.sections[0], indicator: { framework, code } }],
    });
    spec(planDecider)
      .given([])
      .when({ type: 'DraftPlan', data: { planId: 'p1', draft: cite('PAPI', '4.6') } })
      .thenState((state) => expect(state.status).toBe('draft'));
    spec(planDecider)
      .given([])
      .when({ type: 'DraftPlan', data: { planId: 'p1', draft: cite('PAPI', '9.1') } })
      .thenThrows('PLAN.UNKNOWN_INDICATOR', 'input.sections[0].indicator');
    const set = {
      code: 'CCHC-XA-2019',
      name: 'Bộ chỉ số CCHC cấp xã 2019',
      editions: [{ fromYear: 2019, indicators: [{ code: '2', name: 'Xây dựng thể chế' }] }],
    };
    spec(planDeciderFor([...TEST_CATALOGUE, set]))
      .given([])
      .when({ type: 'DraftPlan', data: { planId: 'p1', draft: cite('CCHC-XA-2019', '2.9') } })
      .thenThrows('PLAN.UNKNOWN_INDICATOR', 'input.sections[0].indicator');
  });

  it('refuses a second draft on the same id', () => {
    spec(planDecider)
      .given([drafted])
      .when({ type: 'DraftPlan', data: { planId: 'p1', draft } })
      .thenThrows('PLAN.ALREADY_EXISTS');
  });
});

describe('revising', () => {
  it('replaces the draft while it is one', () => {
    const revised = withTasks([{ text: 'Một nhiệm vụ', lead: { text: 'Phòng Tư pháp' }, implementing: { text: 'UBND cấp xã' } }]);
    spec(planDecider)
      .given([drafted])
      .when({ type: 'ReviseDraft', data: { draft: revised } })
      .then([
        {
          type: 'DraftRevised',
          data: {
            draft: withTasks([{ ...revised.sections[0].tasks[0], taskId: 't1' }]),
            timeframes: timeframesOf(withTasks([{ ...revised.sections[0].tasks[0], taskId: 't1' }]), undefined),
          },
        },
      ]);
  });

  it('refuses to change the issuer', () => {
    spec(planDecider)
      .given([drafted])
      .when({ type: 'ReviseDraft', data: { draft: { ...draft, issuerCode: '514' } } })
      .thenThrows('PLAN.ISSUER_CHANGED', 'input.issuerCode');
  });

  it('is refused once issued', () => {
    spec(planDecider).given([drafted, issued()]).when({ type: 'ReviseDraft', data: { draft } }).thenThrows('PLAN.NOT_A_DRAFT');
  });

  it('is refused for an unknown plan', () => {
    spec(planDecider).given([]).when({ type: 'ReviseDraft', data: { draft } }).thenThrows('PLAN.NOT_FOUND');
  });
});

describe('issuing', () => {
  it('resolves every cell on the issue day and fixes the cascade', () => {
    spec(planDecider)
      .given([drafted])
      .when(issue)
      .then([
        {
          type: 'PlanIssued',
          data: {
            issuedOn: '2021-05-31',
            draft: (drafted.data as { draft: PlanDraft }).draft,
            units: {
              t1: {
                lead: { unitCodes: ['513.PNV'], unresolved: [] },
                implementing: { unitCodes: ['513.MTTQ', ...communes], unresolved: [] },
                monitoring: { unitCodes: ['513.PNV'], unresolved: [] },
              },
              t2: {
                lead: { unitCodes: ['513.PNV'], unresolved: [] },
                implementing: { unitCodes: expect.arrayContaining(['513.PNV', '513.TTR', '513.VP']), unresolved: [] },
                monitoring: { unitCodes: ['513.PNV'], unresolved: [] },
              },
            },
            cascade: { text: draft.cascade?.text as string, dueOn: '2021-06-30', unitCodes: communes },
            // Read once, on the issue day: what evolve, the history and the publisher use from now on.
            timeframes: {
              t1: { parsed: expect.objectContaining({ kind: 'ongoing', text: 'Thường xuyên' }), dueOn: null },
              t2: { parsed: expect.objectContaining({ kind: 'quarter', year: 2021, quarter: 3, text: 'Quý III năm 2021' }), dueOn: '2021-09-30' },
            },
          },
        },
      ]);
  });

  it('records the issue day, revision 1 and the units on each task', () => {
    spec(planDecider)
      .given([drafted])
      .when(issue)
      .thenState((state: PlanState) => {
        if (state.status !== 'issued') throw new Error('not issued');
        expect(state).toMatchObject({ issuedOn: '2021-05-31', revision: 1, amendments: [] });
        expect(state.sections[0].tasks[0].implementing?.resolved?.unitCodes).toEqual(['513.MTTQ', ...communes]);
      });
  });

  it('refuses a task without an implementing unit, naming the task and the field', () => {
    spec(planDecider)
      .given([
        draftedEvent(
          'p1',
          withTasks([{ taskId: 't1', text: 'Kê khai tài sản', lead: { text: 'Thanh tra huyện' }, implementing: { text: 'Tòa án nhân dân cấp huyện' } }]),
        ),
      ])
      .when(issue)
      .thenThrows('PLAN.NO_IMPLEMENTING_UNIT', 'sections[0].tasks[0].implementing');
    expect(() =>
      planDecider.decide(
        issue,
        planDecider.evolve(planDecider.initialState, draftedEvent('p1', withTasks([{ taskId: 't1', text: 'Kê khai tài sản', implementing: null }]))),
      ),
    ).toThrow('Nhiệm vụ "Kê khai tài sản" (t1) chưa có đơn vị thực hiện.');
  });

  it('refuses a task nobody answers for (no lead, no monitor)', () => {
    spec(planDecider)
      .given([
        draftedEvent('p1', {
          ...withTasks([{ taskId: 't1', text: 'Tuyên truyền', lead: { text: 'Trung tâm Văn hóa huyện' }, implementing: { text: 'UBND cấp xã' } }]),
          columns: null,
        }),
      ])
      .when(issue)
      .thenThrows('PLAN.NO_ANSWERABLE_UNIT', 'sections[0].tasks[0].lead');
  });

  it('accepts a monitor where there is no lead, also one above the issuer', () => {
    spec(planDecider)
      .given([
        draftedEvent('p1', {
          ...withTasks([{ taskId: 't1', text: 'Tuyên truyền', monitoring: { text: 'Sở Nội vụ' }, implementing: { text: 'UBND cấp xã' } }]),
          columns: null,
        }),
      ])
      .when(issue)
      .thenState((state) => {
        if (state.status !== 'issued') throw new Error('not issued');
        expect(state.sections[0].tasks[0].monitoring?.resolved?.unitCodes).toEqual(['49.SNV']);
      });
  });

  it('refuses a lead or implementing unit outside the issuer’s subtree', () => {
    spec(planDecider)
      .given([
        draftedEvent(
          'p1',
          withTasks([{ taskId: 't1', text: 'Tuyên truyền', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'UBND cấp xã', unitCodes: ['20833'] } }]),
        ),
      ])
      .when({ type: 'IssuePlan', data: { issuedOn: '2021-05-31', units: { ...units, named: [{ ...COMMUNES[0], code: '20833', parentCode: '514' }] } } })
      .thenThrows('PLAN.UNIT_OUTSIDE_ISSUER', 'sections[0].tasks[0].implementing.unitCodes');
  });

  it('refuses a unit that does not exist on the issue day', () => {
    spec(planDecider)
      .given([
        draftedEvent(
          'p1',
          withTasks([{ taskId: 't1', text: 'Tuyên truyền', lead: { text: 'Phòng Nội vụ', unitCodes: ['519.PNV'] }, implementing: { text: 'UBND cấp xã' } }]),
        ),
      ])
      .when(issue)
      .thenThrows('PLAN.UNIT_NOT_FOUND', 'sections[0].tasks[0].lead.unitCodes');
  });

  it('reports every problem of the plan in one error, each with its field and reason, and issues nothing', () => {
    const faulty = withTasks([
      { taskId: 't1', text: 'Tuyên truyền', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'UBND cấp xã' } },
      { taskId: 't2', text: 'Kê khai tài sản', lead: { text: 'Thanh tra huyện' }, implementing: { text: 'Tòa án nhân dân cấp huyện' } },
      { taskId: 't3', text: 'Hướng dẫn', lead: { text: 'Phòng Nội vụ', unitCodes: ['519.PNV'] }, implementing: { text: 'UBND cấp xã' } },
      { taskId: 't4', text: 'Kiểm tra', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'Phòng Tư pháp', unitCodes: ['99999'] } },
      { taskId: 't5', text: 'Tổng hợp', lead: { text: 'Hội đồng tư vấn' }, implementing: { text: 'Viện Kiểm sát' } },
    ]);
    const state = planDecider.evolve(planDecider.initialState, draftedEvent('p1', { ...faulty, columns: null }));
    let thrown: unknown;
    try {
      planDecider.decide(issue, state);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: 'PLAN.ISSUE_PROBLEMS', details: { field: 'sections[0].tasks[1].implementing' } });
    expect((thrown as { details: { problems: unknown[] } }).details.problems).toEqual([
      { rule: 'PLAN.NO_IMPLEMENTING_UNIT', field: 'sections[0].tasks[1].implementing', message: 'Nhiệm vụ "Kê khai tài sản" (t2) chưa có đơn vị thực hiện.' },
      {
        rule: 'PLAN.UNIT_NOT_FOUND',
        field: 'sections[0].tasks[2].lead.unitCodes',
        message: 'Nhiệm vụ "Hướng dẫn" (t3): đơn vị "519.PNV" không tồn tại vào ngày ban hành.',
      },
      {
        rule: 'PLAN.UNIT_NOT_FOUND',
        field: 'sections[0].tasks[3].implementing.unitCodes',
        message: 'Nhiệm vụ "Kiểm tra" (t4): đơn vị "99999" không tồn tại vào ngày ban hành.',
      },
      { rule: 'PLAN.NO_IMPLEMENTING_UNIT', field: 'sections[0].tasks[4].implementing', message: 'Nhiệm vụ "Tổng hợp" (t5) chưa có đơn vị thực hiện.' },
      { rule: 'PLAN.NO_ANSWERABLE_UNIT', field: 'sections[0].tasks[4].lead', message: 'Nhiệm vụ "Tổng hợp" (t5) chưa có đơn vị chủ trì hoặc theo dõi.' },
    ]);
    expect((thrown as Error).message).toMatch(/^Kế hoạch có 5 vấn đề cần sửa; chưa ban hành: /);
  });

  it('previews the issue with the same resolution the issue records', () => {
    const state = planDecider.evolve(planDecider.initialState, drafted);
    if (state.status !== 'draft') throw new Error('not a draft');
    const preview = previewIssue(state.draft, '2021-05-31', units);
    const event = issued();
    if (event.type !== 'PlanIssued') throw new Error('not issued');
    expect(preview.problems).toEqual([]);
    expect(preview.units).toEqual(event.data.units);
    expect(preview.cascade).toEqual(event.data.cascade);
  });

  it('refuses an issuer that did not exist on the issue day', () => {
    spec(planDecider)
      .given([drafted])
      .when({ type: 'IssuePlan', data: { issuedOn: '2026-01-01', units: { ...units, issuer: null } } })
      .thenThrows('PLAN.ISSUER_NOT_FOUND');
  });

  it('is refused twice', () => {
    spec(planDecider).given([drafted, issued()]).when(issue).thenThrows('PLAN.ALREADY_ISSUED');
  });
});

describe('amending', () => {
  const amend = (change: Extract<PlanCommand, { type: 'AmendPlan' }>['data']['change'], reason = 'Điều chỉnh theo chỉ đạo của UBND tỉnh'): PlanCommand => ({
    type: 'AmendPlan',
    data: { amendedOn: '2021-09-01', reason, change, units },
  });

  it('removes a task by id: revision 2, the task listed as removed', () => {
    spec(planDecider)
      .given([drafted, issued()])
      .when(amend({ removeTaskIds: ['t2'] }))
      .then([
        {
          type: 'PlanAmended',
          data: {
            revision: 2,
            reason: 'Điều chỉnh theo chỉ đạo của UBND tỉnh',
            amendedOn: '2021-09-01',
            issuedOn: '2021-05-31',
            draft: {
              ...(drafted.data as { draft: PlanDraft }).draft,
              sections: [
                { ...(drafted.data as { draft: PlanDraft }).draft.sections[0], tasks: [(drafted.data as { draft: PlanDraft }).draft.sections[0].tasks[0]] },
              ],
            },
            units: {},
            timeframes: { t1: { parsed: expect.objectContaining({ kind: 'ongoing' }), dueOn: null } },
            addedTaskIds: [],
            removedTaskIds: ['t2'],
            rescheduledTaskIds: [],
          },
        },
      ]);
  });

  it('reschedules a task whose timeframe text changed', () => {
    spec(planDecider)
      .given([drafted, issued()])
      .when(amend({ changeTimeframes: [{ taskId: 't2', timeframe: 'Quý IV năm 2021' }] }))
      .thenState((state) => {
        if (state.status !== 'issued') throw new Error('not issued');
        expect(state.sections[0].tasks[1].timeframe?.parsed).toMatchObject({ kind: 'quarter', quarter: 4 });
        // The kept task keeps the units it was issued with.
        expect(state.sections[0].tasks[1].lead?.resolved?.unitCodes).toEqual(['513.PNV']);
      });
  });

  it('adds a task with the next free id, resolved on the amendment day; a removed id is never given again', () => {
    const base = (drafted.data as { draft: PlanDraft }).draft.sections[0];
    const removed = planDecider.decide(amend({ removeTaskIds: ['t2'] }), [drafted, issued()].reduce(planDecider.evolve, planDecider.initialState));
    const command = amend({
      sections: [
        {
          ...base,
          tasks: [
            base.tasks[0],
            { text: 'Khảo sát sự hài lòng', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'UBND các xã, thị trấn' }, timeframe: 'Tháng 12/2021' },
          ],
        },
      ],
    });
    const [event] = planDecider.decide(command, [drafted, issued(), ...removed].reduce(planDecider.evolve, planDecider.initialState));
    expect(event).toMatchObject({
      type: 'PlanAmended',
      data: { revision: 3, addedTaskIds: ['t3'], removedTaskIds: [], units: { t3: { implementing: { unitCodes: communes } } } },
    });
  });

  it('lists amendments with revision, reason and day', () => {
    spec(planDecider)
      .given([drafted, issued()])
      .when(amend({ removeTaskIds: ['t2'] }))
      .thenState((state) =>
        expect(state).toMatchObject({ revision: 2, amendments: [{ revision: 2, reason: 'Điều chỉnh theo chỉ đạo của UBND tỉnh', amendedOn: '2021-09-01' }] }),
      );
  });

  it('needs a reason', () => {
    spec(planDecider)
      .given([drafted, issued()])
      .when(amend({ removeTaskIds: ['t2'] }, '  '))
      .thenThrows('PLAN.REASON_REQUIRED', 'input.reason');
  });

  it('refuses an unknown task id, naming it', () => {
    spec(planDecider)
      .given([drafted, issued()])
      .when(amend({ removeTaskIds: ['t9'] }))
      .thenThrows('PLAN.TASK_NOT_FOUND', 'input.removeTaskIds[0]');
  });

  it('refuses an amendment that changes nothing', () => {
    spec(planDecider).given([drafted, issued()]).when(amend({})).thenThrows('PLAN.NOTHING_AMENDED');
  });

  it('refuses to change the units of an issued task', () => {
    const base = (drafted.data as { draft: PlanDraft }).draft.sections[0];
    spec(planDecider)
      .given([drafted, issued()])
      .when(amend({ sections: [{ ...base, tasks: [{ ...base.tasks[0], implementing: { text: 'UBND cấp xã' } }, base.tasks[1]] }] }))
      .thenThrows('PLAN.TASK_UNITS_CHANGED', 'input.sections[0].tasks[0]');
  });

  it('is refused on a draft', () => {
    spec(planDecider)
      .given([drafted])
      .when(amend({ removeTaskIds: ['t2'] }))
      .thenThrows('PLAN.NOT_ISSUED');
  });
});

describe('closing', () => {
  const close: PlanCommand = { type: 'ClosePlan', data: { closedOn: '2021-12-31', reason: 'Hết năm kế hoạch' } };
  const closed: PlanEvent = { type: 'PlanClosed', data: { closedOn: '2021-12-31', reason: 'Hết năm kế hoạch' } };

  it('closes an issued plan', () => {
    spec(planDecider).given([drafted, issued()]).when(close).then([closed]);
  });

  it('is refused on a draft', () => {
    spec(planDecider).given([drafted]).when(close).thenThrows('PLAN.NOT_ISSUED');
  });

  it.each<[string, PlanCommand]>([
    ['revise', { type: 'ReviseDraft', data: { draft } }],
    ['issue', issue],
    ['amend', { type: 'AmendPlan', data: { amendedOn: '2022-01-05', reason: 'Bổ sung', change: { removeTaskIds: ['t1'] }, units } }],
    ['close', close],
  ])('a closed plan accepts nothing: %s', (_name, command) => {
    let caught: unknown;
    try {
      planDecider.decide(command, [drafted, issued(), closed].reduce(planDecider.evolve, planDecider.initialState));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: 'DomainError' });
  });
});

it('issuing emits exactly one event', () => expect(issuedEvents()).toHaveLength(1));
