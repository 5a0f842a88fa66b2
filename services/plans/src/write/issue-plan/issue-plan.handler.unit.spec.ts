import { withIdempotencyKey } from '@reform/event-store';
import { draft, manager, writer } from '../common/in-memory-writer.fixture';
import { issuePlan } from './issue-plan.handler';

describe('issuing on the in-memory event store', () => {
  it('refuses to issue a second plan with a number the issuer used that year, naming the first', async () => {
    const { plans } = writer();
    const d513 = manager('513');
    await plans.execute('p1', d513, { type: 'DraftPlan', data: { planId: 'p1', draft } });
    await plans.execute('p2', d513, { type: 'DraftPlan', data: { planId: 'p2', draft: { ...draft, number: '154/KH - UBND' } } });
    await issuePlan(plans, 'p1', '2021-06-01', d513);
    await expect(issuePlan(plans, 'p2', '2021-07-01', d513)).rejects.toMatchObject({ code: 'PLAN.NUMBER_TAKEN', details: { kind: 'CONFLICT' } });
  });

  it('a retry with the idempotency key answers the issued plan, appending nothing', async () => {
    const { plans, store } = writer();
    const d513 = manager('513');
    await plans.execute('p1', d513, { type: 'DraftPlan', data: { planId: 'p1', draft } });
    const issue = () => withIdempotencyKey({ scope: d513.accountId, key: 'k-1', fingerprint: 'issue p1' }, () => issuePlan(plans, 'p1', '2021-06-01', d513));
    expect(await issue()).toMatchObject({ status: 'ISSUED', issuedOn: '2021-06-01' });
    expect(await issue()).toMatchObject({ status: 'ISSUED', issuedOn: '2021-06-01' });
    expect((await store.readAll({ transactionId: '0', position: '0' }, 100)).events.map((event) => event.type)).toEqual([
      'PlanDrafted',
      'PlanIssued',
      'PlanNumberReserved',
    ]);
  });
});
