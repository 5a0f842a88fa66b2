import { FixedClock } from '@reform/clock';
import { EVENT_STORE, PostgresEventStore, rebuildReadModels } from '@reform/event-store';
import { tableSnapshot } from '@reform/testing';
import { scoringReadModels, seedFrameworks, seedPapiResults, seedQuangDien2019 } from '../src';
import { FrameworkPublisher } from '../src/write/load-framework/load-framework.graphql';
import { ScoringTestBed, useTokens } from './scoring-test-kit';

/**
 * `npm run rebuild -- scoring` (ADR 0011, 0033) on the demo's scoring data: PAPI 2018–2024, the
 * platform's frameworks and the illustrative Quảng Điền set, its 2019 campaign published with 11
 * assessments. The rebuilt read models equal the live ones row for row; what the bus fed (the
 * unit copy, the plans' PAPI sections) and the evidence files are left as they were.
 */
describe('scoring read models rebuilt from the event store (real PostgreSQL)', () => {
  const bed = new ScoringTestBed('scoring_rebuild', new FixedClock('2025-06-16T03:00:00Z'));
  const tables = scoringReadModels.projections.flatMap((p) => p.tables);
  const notRebuilt = scoringReadModels.notRebuilt.flatMap((n) => n.tables);

  beforeAll(async () => {
    await bed.start();
    await seedPapiResults(bed.app);
    await seedFrameworks(bed.app, { demoIndexSet: true });
    expect((await seedQuangDien2019(bed.app)).assessments).toBe(11);
  }, 180_000);
  afterAll(() => bed.stop());

  it('rebuilds papi_years, frameworks, campaigns and assessments equal to the live tables', async () => {
    const live = await tableSnapshot(bed.dataSource, 'scoring', tables);
    expect(Object.fromEntries(Object.entries(live).map(([table, rows]) => [table, rows.length]))).toEqual({
      papi_years: 7,
      frameworks: 7,
      campaigns: 1,
      assessments: 11,
    });
    const untouched = await tableSnapshot(bed.dataSource, 'scoring', notRebuilt);
    const [{ events }] = await bed.dataSource.query(`SELECT count(*)::int AS events FROM scoring.events`);

    const result = await rebuildReadModels({
      dataSource: bed.dataSource,
      store: bed.app.get<PostgresEventStore>(EVENT_STORE),
      schema: 'scoring',
      projections: scoringReadModels.projections,
      pageSize: 7,
    });

    expect(await tableSnapshot(bed.dataSource, 'scoring', tables)).toEqual(live);
    expect(result.events).toBeGreaterThanOrEqual(events);
    expect(result.tables.map((t) => [t.table, t.rowsBefore, t.rowsAfter])).toEqual(tables.map((table) => [table, live[table].length, live[table].length]));
    expect(await tableSnapshot(bed.dataSource, 'scoring', notRebuilt)).toEqual(untouched);
  });

  it('the subgraph answers from the rebuilt tables, and commands project into them', async () => {
    await useTokens(bed.client, { auditor: [['AUDITOR', '46']] });
    const { papiResults } = await bed.client.as('auditor', 'query { papiResults(year: 2023) { provinceCode rank } }');
    expect(papiResults.find((row: { provinceCode: string }) => row.provinceCode === '46')).toEqual({ provinceCode: '46', rank: expect.any(Number) });
    const { frameworks } = await bed.client.as('auditor', '{ frameworks { code version } }');
    expect(frameworks).toHaveLength(7);
    const published = await bed.app.get(FrameworkPublisher).publishAsSystem({ kind: 'LISTED', code: 'PCI', name: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)' });
    expect(published).toMatchObject({ code: 'PCI', version: 1, kind: 'LISTED' });
    expect((await bed.client.as('auditor', '{ frameworks { code } }')).frameworks).toHaveLength(8);
  });
});
