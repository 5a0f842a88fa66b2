import { planStreamId } from '../../domain/plan.decider';
import { issuePlan } from '../issue-plan/issue-plan.handler';
import { draft, manager, writer } from '../common/in-memory-writer.fixture';

describe('plan commands on the in-memory event store', () => {
  it('drafts, issues on today in Viet Nam, amends and closes; each event records the actor and the tenant', async () => {
    const { store, plans, published } = writer();
    const d513 = manager('513');
    const drafted = await plans.execute('p1', d513, { type: 'DraftPlan', data: { planId: 'p1', draft } });
    expect(drafted).toMatchObject({ id: 'p1', status: 'DRAFT' });

    const issued = await issuePlan(plans, 'p1', null, d513);
    expect(issued).toMatchObject({ status: 'ISSUED', issuedOn: '2021-09-01' });

    const reads = jest.spyOn(store, 'readStream');
    const amended = await plans.change('p1', d513, async (plan) => ({
      type: 'AmendPlan',
      data: {
        amendedOn: plans.today(),
        reason: 'Theo chỉ đạo của tỉnh',
        change: { changeTimeframes: [{ taskId: 't2', timeframe: 'Quý IV năm 2021' }] },
        units: await plans.neighbourhood('513', plans.today(), plan.draft.sections),
      },
    }));
    expect(reads.mock.calls.filter(([streamId]) => streamId === planStreamId('p1'))).toHaveLength(1);
    expect(amended).toMatchObject({ revision: 2 });

    await plans.change('p1', d513, () => ({ type: 'ClosePlan', data: { closedOn: plans.today(), reason: null } }));
    const events = await store.readStream(planStreamId('p1'));
    expect(events.map((event) => [event.type, event.metadata.tenant, event.metadata.actor.username])).toEqual([
      ['PlanDrafted', '513', 'd513'],
      ['PlanIssued', '513', 'd513'],
      ['PlanAmended', '513', 'd513'],
      ['PlanClosed', '513', 'd513'],
    ]);
    const reservations = (await store.readAll({ transactionId: '0', position: '0' }, 100)).events.filter((e) => e.type === 'PlanNumberReserved');
    expect(reservations.map((e) => e.data)).toEqual([expect.objectContaining({ planId: 'p1', number: '154/KH-UBND', year: 2021, issuedOn: '2021-09-01' })]);
    expect(published).toHaveLength(4);
  });

  it('checks access on the plan the command is decided against: another district may not amend it, an unknown id answers the same', async () => {
    const { plans } = writer();
    await plans.execute('p1', manager('513'), { type: 'DraftPlan', data: { planId: 'p1', draft } });
    const close = (id: string) => plans.change(id, manager('514'), () => ({ type: 'ClosePlan', data: { closedOn: '2021-09-01', reason: null } }));
    await expect(close('p1')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(close('unknown')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(issuePlan(plans, 'p1', '2021-06-01', manager('514'))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
