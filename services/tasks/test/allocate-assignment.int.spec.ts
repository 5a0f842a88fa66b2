import { PlanIssuedV1 } from '@reform/contracts';
import { eventually } from '@reform/testing';
import { assignmentId, FixedClock, offerToSuccessors } from '../src';
import { count, message, plan, TasksTestBed, useTokens } from './tasks-test-kit';

/**
 * A split commune's open assignment waits, offered to the successors, until the issuer gives it to
 * one (`allocateAssignment`, 2025 reorganisation): only the issuer's managers may, only to an
 * offered successor, only while it waits; afterwards it counts at the successor.
 */
describe('tasks: allocating a split unit’s assignment to a successor', () => {
  const clock = new FixedClock(new Date('2025-07-02T03:00:00Z'));
  const bed = new TasksTestBed('tasks_allocate', clock);
  const issued = plan();
  const idOf = (unitCode: string) => assignmentId({ planId: issued.planId, taskId: 't1', unitCode, role: 'IMPLEMENTING', kind: 'TASK' });
  const FIELDS = 'id unitCode formerUnitCodes offeredTo offeredToUnits { code } status';
  const ALLOCATE = `mutation($id: ID!, $to: ID!) { allocateAssignment(id: $id, toUnitCode: $to) { ${FIELDS} } }`;
  const GET = `query($id: ID!) { assignment(id: $id) { ${FIELDS} } }`;
  const errorOf = async (who: string, query: string, variables: Record<string, unknown>) =>
    (await bed.client.request(query, variables, await bed.client.login(who))).errors?.[0];

  beforeAll(async () => {
    await bed.start();
    await bed.bus.publish(message(PlanIssuedV1, issued, `plan-${issued.planId}`));
    await eventually(async () =>
      expect(await count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [issued.planId])).toBeGreaterThan(0),
    );
    // What the reorganisation's automation does when commune 60005 is split into 60006 and 60007.
    expect(await offerToSuccessors(bed.dataSource, idOf('60005'), '60005', ['60006', '60007'], '2025-07-01', '600')).toBe(1);
    await useTokens(bed.client, {
      d600: [['UNIT_MANAGER', '600']],
      d601: [['UNIT_MANAGER', '601']],
      c60005: [['UNIT_OFFICER', '60005']],
      auditor: [['AUDITOR', '49']],
    });
  });

  afterAll(() => bed.stop());

  it('is offered to both successors, and only the issuer’s manager gives it to one of them', async () => {
    const id = idOf('60005');
    expect((await bed.client.as('d600', GET, { id })).assignment).toMatchObject({
      unitCode: '60005',
      offeredTo: ['60006', '60007'],
      offeredToUnits: [{ code: '60006' }, { code: '60007' }],
    });
    // The commune itself, another district, an auditor: not the issuer's managers.
    for (const who of ['c60005', 'd601', 'auditor']) expect(await bed.client.outcome(who, ALLOCATE, { id, to: '60006' })).toBe('FORBIDDEN');
    // Not a successor it was offered to: named field, Vietnamese message, nothing changed.
    const wrong = await errorOf('d600', ALLOCATE, { id, to: '60009' });
    expect(wrong?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toUnitCode' });
    expect(wrong?.message).toContain('60006, 60007');
    expect((await bed.client.as('d600', GET, { id })).assignment).toMatchObject({ unitCode: '60005', offeredTo: ['60006', '60007'] });

    const allocated = (await bed.client.as('d600', ALLOCATE, { id, to: '60007' })).allocateAssignment;
    expect(allocated).toEqual({ id, unitCode: '60007', formerUnitCodes: ['60005'], offeredTo: null, offeredToUnits: null, status: 'ASSIGNED' });
    // It counts at the successor, under the unit it was first given to.
    expect(await bed.dataSource.query(`SELECT unit_code, origin_code FROM tasks.assignments WHERE id = $1`, [id])).toEqual([
      { unit_code: '60007', origin_code: '60005' },
    ]);
    expect(
      await count(bed.dataSource, `SELECT coalesce(sum(n), 0) FROM tasks.plan_progress WHERE plan_id = $1 AND unit_code = '60007' AND origin_code = '60005'`, [
        issued.planId,
      ]),
    ).toBe(1);
    // Once given, it no longer waits.
    expect(await bed.client.outcome('d600', ALLOCATE, { id, to: '60006' })).toBe('CONFLICT');
  });

  it('an assignment that was never offered, and an unknown id, are refused', async () => {
    expect(await bed.client.outcome('d600', ALLOCATE, { id: idOf('60001'), to: '60002' })).toBe('CONFLICT');
    expect(await bed.client.outcome('d600', ALLOCATE, { id: 'khong-co', to: '60002' })).toBe('FORBIDDEN');
  });
});
