import { DataSource } from 'typeorm';
import { createTestDatabase, tableSnapshot, TestDatabase } from '@reform/testing';
import { REBUILDABLE_SERVICES, runRebuildCommand } from '../src/rebuild/rebuild-command';
import { beforeReorganisation, startTestPlatform, TestPlatform } from './test-platform';

/**
 * `npm run rebuild -- <service>` (issue 5, "Rebuild") on the platform as `npm start` fills it: the
 * national list, the demo units and accounts, the six demo plans drafted and issued, their ~3,000
 * assignments accepted, in progress, completed and overdue. For each service the rebuilt read
 * models equal the live ones row for row, and the gateway still answers from them.
 */
describe('npm run rebuild on the demo platform', () => {
  let test: TestPlatform;
  let url: string;

  beforeAll(async () => {
    // The scenario of 2020–2021 (Thăng Bình and its communes): on a day before the 2025 reorganisation.
    test = await startTestPlatform('platform_rebuild', { clock: beforeReorganisation() });
    url = (test.platform.directory.get(DataSource).options as { url: string }).url;
  }, 300_000);
  afterAll(() => test?.stop());

  const run = async (argv: string[], env: Record<string, string | undefined> = { DATABASE_URL: url }) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runRebuildCommand(argv, env, { print: (line) => out.push(line), printError: (line) => err.push(line), progressIntervalMs: 0 });
    return { code, out, err };
  };
  const dataSourceOf = (service: string) => test.platform[service as 'directory' | 'plans' | 'tasks' | 'reporting' | 'scoring'].get(DataSource);

  it.each(Object.keys(REBUILDABLE_SERVICES))('%s: the rebuilt read models equal the live ones, with progress and a summary', async (service) => {
    const { readModels } = REBUILDABLE_SERVICES[service];
    const tables = readModels.projections.flatMap((p) => p.tables);
    const dataSource = dataSourceOf(service);
    const live = await tableSnapshot(dataSource, readModels.schema, tables);
    const [{ events }] = await dataSource.query(`SELECT count(*)::int AS events FROM "${readModels.schema}".events`);

    const { code, out, err } = await run([service, '--page-size', '500']);

    expect({ code, err: err.filter((line) => line.startsWith('rebuild:')) }).toEqual({ code: 0, err: [] });
    expect(await tableSnapshot(dataSource, readModels.schema, tables)).toEqual(live);
    expect(err[0]).toBe(
      `rebuilding the read models of ${service} from its event store (schema ${readModels.schema}): ${readModels.projections.map((p) => `${p.name} (${p.tables.map((t) => `${readModels.schema}.${t}`).join(', ')})`).join(', ')}`,
    );
    for (const skipped of readModels.notRebuilt)
      expect(err).toContain(
        `not rebuilt: ${skipped.tables.map((t) => `${readModels.schema}.${t}`).join(', ')}: ${skipped.why}; a replay of the ${service} event store cannot produce them`,
      );
    expect(err.some((line) => /^replay from position 0: [\d,]+\/[\d,]+ events \(\d+ %\), position \d+\/\d+, [\d,]+ events\/s$/.test(line))).toBe(true);
    expect(err[err.length - 1]).toMatch(/^live tables locked \(attempt 1\), swapping: /);
    expect(out[0]).toMatch(
      new RegExp(`^rebuilt the read models of ${service} in \\d+\\.\\d s: ([\\d,]+) events replayed \\(\\d+ pass(es)?, [\\d,]+ at the swap\\)$`),
    );
    expect(Number(/: ([\d,]+) events replayed/.exec(out[0])?.[1].replace(/,/g, ''))).toBeGreaterThanOrEqual(events);
    for (const table of tables) {
      const rows = (live[table] as unknown[]).length.toLocaleString('en-US');
      expect(out).toContain(`  ${readModels.schema}.${table}: ${rows} rows before, ${rows} after`);
    }
  });

  it('the gateway answers from the rebuilt tables', async () => {
    const result = await test.client.as(
      'd513',
      '{ unit(code: "513") { name children { code } } plans(issuerCode: "513") { number progress { total completed } } }',
    );
    expect(result.unit.name).toBe('Huyện Thăng Bình');
    expect(result.unit.children.length).toBeGreaterThan(10);
    expect(result.plans).toHaveLength(1);
    expect(result.plans[0].progress.completed).toBeGreaterThanOrEqual(1);
  });

  it('refuses an unknown service, a missing DATABASE_URL and a database whose schema is not migrated, with exit code 2', async () => {
    expect(await run(['reports'])).toMatchObject({
      code: 2,
      err: ['rebuild: unknown service "reports": rebuild directory, plans, tasks, reporting or scoring', expect.stringMatching(/^usage: npm run rebuild/)],
    });
    expect(await run([])).toMatchObject({ code: 2, err: ['rebuild: a service is required', expect.stringMatching(/^usage/)] });
    expect(await run(['tasks'], {})).toMatchObject({
      code: 2,
      err: ['rebuild: DATABASE_URL is not set (or pass --database-url)', expect.stringMatching(/^usage/)],
    });
    expect(await run(['tasks', '--page-size', '0'])).toMatchObject({
      code: 2,
      err: ['rebuild: --page-size "0" is not a positive integer', expect.stringMatching(/^usage/)],
    });
    const empty: TestDatabase = await createTestDatabase('platform_rebuild_empty');
    try {
      expect(await run(['plans', '--database-url', empty.url])).toEqual({
        code: 2,
        out: [],
        err: ["rebuild: cannot rebuild: the database lacks migrations of this code's plans service; start the service once (it migrates), then rebuild"],
      });
    } finally {
      await empty.drop();
    }
  });
});
