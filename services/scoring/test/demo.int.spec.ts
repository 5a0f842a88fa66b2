import { FixedClock } from '@reform/clock';
import { DataSource } from 'typeorm';
import { FrameworkVersionPublishedV1 } from '@reform/contracts';
import { IntegrationMessage } from '@reform/messaging';
import { eventually } from '@reform/testing';
import { seedFrameworks, seedQuangDien2019 } from '../src';
import { ScoringTestBed, useTokens } from './scoring-test-kit';

const FRAMEWORKS = ['PAPI v1', 'PAR_INDEX v1', 'SIPAS v1', 'ICT_INDEX v1', 'DDCI v1', 'OTHER v1', 'CCHC-XA-477-2019-MINH-HOA v1'];

describe("the embedded demo's scoring data (real PostgreSQL)", () => {
  const bed = new ScoringTestBed('scoring_demo', new FixedClock('2025-06-16T03:00:00Z'));
  beforeAll(async () => {
    await bed.start();
    await useTokens(bed.client, { c19870: [['UNIT_MANAGER', '19870']] });
  });
  afterAll(() => bed.stop());

  it('publishes each framework version on the bus as scoring.FrameworkVersionPublished v1, once', async () => {
    const seen: IntegrationMessage[] = [];
    await bed.bus.subscribe({ consumer: 'test.frameworks-observer', subjects: ['scoring.framework.>'] }, async (message) => {
      seen.push(message);
    });
    await seedFrameworks(bed.app, { demoIndexSet: true });
    await seedFrameworks(bed.app, { demoIndexSet: true });
    await eventually(
      async () => expect(seen.map((m) => (m.data as FrameworkVersionPublishedV1).code).sort()).toEqual(FRAMEWORKS.map((f) => f.split(' ')[0]).sort()),
      { timeoutMs: 20_000 },
    );
    const papi = seen.find((m) => (m.data as FrameworkVersionPublishedV1).code === 'PAPI')?.data as FrameworkVersionPublishedV1;
    expect(papi).toMatchObject({ kind: 'PAPI_EDITION', version: 1, issuerCode: null });
    expect(papi.editions.map((e) => [e.fromYear, e.indicators.some((i) => i.code === '8.3'), e.indicators.some((i) => i.code === '5.2')])).toEqual([
      [2018, false, true],
      [2019, true, true],
      [2021, true, false],
    ]);
    const set = seen.find((m) => (m.data as FrameworkVersionPublishedV1).kind === 'PAR_INDEX_SET')?.data as FrameworkVersionPublishedV1;
    expect(set).toMatchObject({ code: 'CCHC-XA-477-2019-MINH-HOA', issuerCode: '477', editions: [{ fromYear: 2019 }] });
    expect(set.editions[0].indicators.length).toBeGreaterThan(10);
  });

  it('publishes Quảng Điền 2019 with Quảng Vinh 11/11 owing a plan, once however often it runs', async () => {
    expect((await seedFrameworks(bed.app, { demoIndexSet: true })).frameworks).toEqual(FRAMEWORKS);
    const { campaignId, assessments } = await seedQuangDien2019(bed.app);
    expect(assessments).toBe(11);
    const { ranking } = await bed.client.as('c19870', 'query($c: ID!) { ranking(campaignId: $c) { unitCode rank of grade improvementPlanOwed } }', {
      c: campaignId,
    });
    expect(ranking.map((r: { rank: number }) => r.rank)[10]).toBe(11);
    expect(ranking[10]).toMatchObject({ unitCode: '19885', of: 11, improvementPlanOwed: true });
    const before = (await bed.app.get(DataSource).query('SELECT count(*)::int AS n FROM scoring.events'))[0].n;
    expect(await seedQuangDien2019(bed.app)).toEqual({ campaignId: null, assessments: 0 });
    expect((await seedFrameworks(bed.app, { demoIndexSet: true })).frameworks).toEqual(FRAMEWORKS);
    expect((await bed.app.get(DataSource).query('SELECT count(*)::int AS n FROM scoring.events'))[0].n).toBe(before);
  });
});
