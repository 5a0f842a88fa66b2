import { PlanIssuedV1 } from '@reform/contracts';
import { assignmentId } from './assignment-id';
import { assignmentsOfPlan } from './when-plan-issued-then-create-assignments/assignments-of-plan';

const key = { planId: 'p1', taskId: 't1', unitCode: '20794', role: 'IMPLEMENTING' as const, kind: 'TASK' as const };

describe('assignment ids', () => {
  it('are name-based uuids (version 5 layout), the same for the same key', () => {
    expect(assignmentId(key)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(assignmentId({ ...key })).toBe(assignmentId(key));
  });
  it('differ by plan, task, unit, role and kind', () => {
    const ids = new Set([
      assignmentId(key),
      assignmentId({ ...key, planId: 'p2' }),
      assignmentId({ ...key, taskId: 't2' }),
      assignmentId({ ...key, unitCode: '20797' }),
      assignmentId({ ...key, role: 'LEAD' }),
      assignmentId({ ...key, kind: 'IMPLEMENTING_PLAN' }),
    ]);
    expect(ids.size).toBe(6);
  });
  it('cannot be confused by a separator inside a value', () =>
    expect(assignmentId({ ...key, planId: 'p1', taskId: 't1' })).not.toBe(assignmentId({ ...key, planId: 'p', taskId: '1t1' })));
});

describe('what issuing a plan assigns', () => {
  const plan: PlanIssuedV1 = {
    planId: 'p1',
    number: '15/KH-UBND',
    title: 'Kế hoạch',
    issuerCode: '513',
    issuedOn: '2025-03-01',
    year: 2025,
    implementsPlanId: null,
    tasks: [
      {
        taskId: 't1',
        sectionCode: null,
        text: 'A',
        target: null,
        timeframe: { kind: 'due', text: '30/6', on: '2025-06-30' },
        dueOn: '2025-06-30',
        lead: ['513.PNV'],
        implementing: ['20794', '20797'],
        monitoring: ['513.PTP'],
        expectedResult: null,
      },
      {
        taskId: 't2',
        sectionCode: null,
        text: 'B',
        target: '100%',
        timeframe: { kind: 'ongoing', text: 'Thường xuyên', every: ['half'] },
        dueOn: null,
        lead: [],
        implementing: ['20794'],
        monitoring: [],
        expectedResult: null,
      },
    ],
    cascade: { unitCodes: ['20794', '20797'], dueOn: '2025-03-31', text: 'Ban hành kế hoạch' },
  };
  const all = [...assignmentsOfPlan(plan)];

  it('one per (task, implementing unit), one per (task, lead unit), one obligation per cascade unit', () =>
    expect(all.map((a) => `${a.kind}:${a.taskId}:${a.unitCode}:${a.role}`)).toEqual([
      'TASK:t1:20794:IMPLEMENTING',
      'TASK:t1:20797:IMPLEMENTING',
      'TASK:t1:513.PNV:LEAD',
      'TASK:t2:20794:IMPLEMENTING',
      'IMPLEMENTING_PLAN:implementing-plan:20794:IMPLEMENTING',
      'IMPLEMENTING_PLAN:implementing-plan:20797:IMPLEMENTING',
    ]));
  it('carries the plan and task facts, the issuer as assigner and the schedule', () => {
    expect(all[0]).toMatchObject({
      planNumber: '15/KH-UBND',
      assignerCode: '513',
      leadCodes: ['513.PNV'],
      monitoringCodes: ['513.PTP'],
      schedule: { kind: 'once', dueOn: '2025-06-30' },
      assignedOn: '2025-03-01',
    });
    expect(all[3].schedule).toMatchObject({ kind: 'periodic', every: 'half' });
    expect(all[4]).toMatchObject({ schedule: { kind: 'once', dueOn: '2025-03-31' }, taskText: 'Ban hành kế hoạch', assignerCode: '513' });
  });
  it('ids are unique', () => expect(new Set(all.map((a) => a.id)).size).toBe(all.length));
});
