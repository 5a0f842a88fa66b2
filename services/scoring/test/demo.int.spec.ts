import { FixedClock } from '@reform/clock';
import { DataSource } from 'typeorm';
import { seedFrameworks, seedQuangDien2019 } from '../src';
import { ScoringTestBed, useTokens } from './scoring-test-kit';

describe("the embedded demo's scoring data (real PostgreSQL)", () => {
  const bed = new ScoringTestBed('scoring_demo', new FixedClock('2025-06-16T03:00:00Z'));
  beforeAll(async () => {
    await bed.start();
    await useTokens(bed.client, { c19870: [['UNIT_MANAGER', '19870']] });
  });
  afterAll(() => bed.stop());

  it('publishes Quảng Điền 2019 with Quảng Vinh 11/11 owing a plan, once however often it runs', async () => {
    expect((await seedFrameworks(bed.app, { demoIndexSet: true })).frameworks).toEqual(['PAPI v1', 'CCHC-XA-477-2019-MINH-HOA v1']);
    const { campaignId, assessments } = await seedQuangDien2019(bed.app);
    expect(assessments).toBe(11);
    const { ranking } = await bed.client.as('c19870', 'query($c: ID!) { ranking(campaignId: $c) { unitCode rank of grade improvementPlanOwed } }', { c: campaignId });
    expect(ranking.map((r: { rank: number }) => r.rank)[10]).toBe(11);
    expect(ranking[10]).toMatchObject({ unitCode: '19885', of: 11, improvementPlanOwed: true });
    const before = (await bed.app.get(DataSource).query('SELECT count(*)::int AS n FROM scoring.events'))[0].n;
    expect(await seedQuangDien2019(bed.app)).toEqual({ campaignId: null, assessments: 0 });
    expect((await seedFrameworks(bed.app, { demoIndexSet: true })).frameworks).toEqual(['PAPI v1', 'CCHC-XA-477-2019-MINH-HOA v1']);
    expect((await bed.app.get(DataSource).query('SELECT count(*)::int AS n FROM scoring.events'))[0].n).toBe(before);
  });
});
