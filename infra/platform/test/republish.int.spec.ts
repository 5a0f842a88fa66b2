import { DataSource } from 'typeorm';
import { PostgresEventStore, runMigrations, serviceDataSourceOptions, SYSTEM_ACTOR } from '@reform/event-store';
import { IntegrationMessage, JetStreamBus } from '@reform/messaging';
import { DIRECTORY_SCHEMA, directoryMigrations } from '@reform/directory';
import { SCORING_SCHEMA, scoringMigrations } from '@reform/scoring';
import { FrameworkVersionPublishedV1 } from '@reform/contracts';
import { createTestDatabase, eventually, testNatsUrl, TestDatabase, uniqueName } from '@reform/testing';
import { runRepublishCommand } from '../src/republish/republish-command';

const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'republish-cli', causationId: null };
const established = (code: string) => ({
  type: 'UnitEstablished',
  data: { code, name: `Xã ${code}`, type: 'Xã', level: 'COMMUNE', kind: null, parentCode: '513', validFrom: '2025-07-01' },
});

/**
 * `npm run republish -- directory ...` on a directory schema: the unit events go out again on
 * JetStream as the relay sends them (account events stay private), from a position or an instant.
 */
describe('npm run republish', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const prefix = uniqueName('republishcli');
  let consumerBus: JetStreamBus;
  const received: IntegrationMessage[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('republish_cli');
    dataSource = new DataSource(serviceDataSourceOptions({ url: database.url, schema: DIRECTORY_SCHEMA, migrations: directoryMigrations() }));
    await runMigrations(dataSource);
    store = new PostgresEventStore(dataSource, DIRECTORY_SCHEMA);
    consumerBus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
  });
  afterAll(async () => {
    await consumerBus?.deleteStreams().catch(() => undefined);
    await consumerBus?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runRepublishCommand(
      argv,
      { DATABASE_URL: database.url, NATS_URL: testNatsUrl(), NATS_PREFIX: prefix },
      { print: (l) => out.push(l), printError: (l) => err.push(l) },
    );
    return { code, out, err };
  };

  it('republishes every unit event after a position, and those recorded since an instant', async () => {
    const first = await store.append('unit-90001', 'no_stream', [established('90001')], metadata);
    await store.append('account-1', 'no_stream', [{ type: 'AccountCreated', data: { username: 'x', passwordHash: 'secret' } }], metadata);
    await store.append('unit-90002', 'no_stream', [established('90002')], metadata);
    // The third is recorded at a later millisecond, so that "since its instant" is it alone.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const third = await store.append('unit-90003', 'no_stream', [established('90003')], metadata);

    const { code, out } = await run([
      'directory',
      '--from-position',
      `${first.events[0].globalPosition.transactionId}/${first.events[0].globalPosition.position}`,
    ]);
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^republished 2 messages of directory \(3 events read\) from position \d+\/\d+ to \d+\/\d+$/)]);

    const subscription = await consumerBus.subscribe({ consumer: 'republish-cli-test', subjects: ['directory.unit.>'] }, async (message) => {
      received.push(message);
    });
    await eventually(() => expect(received.map((m) => m.metadata.stream)).toEqual(['unit-90002', 'unit-90003']));
    expect(received[0]).toMatchObject({ name: 'directory.UnitEstablished', data: { code: '90002' }, eventId: expect.any(String) });

    // From an instant: the last unit only (JetStream drops its repeated event id: nothing new arrives).
    const since = await run(['directory', '--from-instant', third.events[0].recordedAt.toISOString()]);
    expect(since.code).toBe(0);
    expect(since.out).toEqual([expect.stringMatching(/^republished 1 messages of directory \(1 events read\)/)]);
    const everything = await run(['directory', '--from-position', '0/0']);
    expect(everything.out).toEqual([expect.stringMatching(/^republished 3 messages of directory \(4 events read\) from position 0\/0 to /)]);
    await eventually(() => expect(received.map((m) => m.metadata.stream)).toEqual(['unit-90002', 'unit-90003', 'unit-90001']));
    await subscription.stop();

    const later = await run(['directory', '--from-instant', new Date(Date.now() + 3_600_000).toISOString()]);
    expect(later).toMatchObject({ code: 0, out: [expect.stringMatching(/^no event of directory was recorded at or after /)] });
  });

  it.each([
    [[], 'republish: a service is required'],
    [['reports', '--from-position', '0/0'], 'republish: unknown service "reports": republish directory, plans, tasks, reporting or scoring'],
    [['directory'], 'republish: give exactly one of --from-position and --from-instant'],
    [['directory', '--from-position', '0/0', '--from-instant', '2026-01-01T00:00:00Z'], 'republish: give exactly one of --from-position and --from-instant'],
    [['directory', '--from-position', '12'], 'republish: --from-position: position "12" is not <transaction id>/<position>, e.g. 10234/5120'],
    [['directory', '--from-instant', 'yesterday'], 'republish: --from-instant "yesterday" is not an ISO 8601 instant, e.g. 2026-12-01T08:00:00Z'],
    [['directory', '--from-position', '0/0', '--batch-size', '0'], 'republish: --batch-size "0" is not a positive integer'],
  ])('%j: exit 2 with %s and the usage', async (argv, message) => {
    const { code, err } = await run(argv as string[]);
    expect(code).toBe(2);
    expect(err[0]).toBe(message);
    expect(err[1]).toMatch(/^usage: npm run republish -- <directory\|plans\|tasks\|reporting\|scoring>/);
  });
});

/**
 * `npm run republish -- scoring ...`: the framework versions go out again as
 * scoring.FrameworkVersionPublished v1 (what the plans service's catalogue copy consumes, ADR
 * 0034); campaigns, assessments and PAPI results stay private.
 */
describe('npm run republish -- scoring', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const prefix = uniqueName('republishscoring');
  let consumerBus: JetStreamBus;

  beforeAll(async () => {
    database = await createTestDatabase('republish_scoring');
    dataSource = new DataSource(serviceDataSourceOptions({ url: database.url, schema: SCORING_SCHEMA, migrations: scoringMigrations() }));
    await runMigrations(dataSource);
    store = new PostgresEventStore(dataSource, SCORING_SCHEMA);
    consumerBus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
  });
  afterAll(async () => {
    await consumerBus?.deleteStreams().catch(() => undefined);
    await consumerBus?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('publishes every framework version again, validated against its contract, and nothing else', async () => {
    const listed = (code: string, name: string) => ({
      type: 'FrameworkVersionPublished',
      data: { code, version: 1, definition: { kind: 'LISTED', code, name }, source: null, on: '2026-01-05' },
    });
    await store.append('framework-SIPAS', 'no_stream', [listed('SIPAS', 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)')], metadata);
    await store.append(
      'papi-2019',
      'no_stream',
      [{ type: 'PapiResultsImported', data: { year: 2019, revision: 1, rows: [], source: null, on: '2026-01-05' } }],
      metadata,
    );
    await store.append('framework-DDCI', 'no_stream', [listed('DDCI', 'Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI)')], metadata);

    const out: string[] = [];
    const code = await runRepublishCommand(
      ['scoring', '--from-position', '0/0'],
      { DATABASE_URL: database.url, NATS_URL: testNatsUrl(), NATS_PREFIX: prefix },
      { print: (l) => out.push(l), printError: () => undefined },
    );
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^republished 2 messages of scoring \(3 events read\) from position 0\/0 to \d+\/\d+$/)]);

    const received: IntegrationMessage[] = [];
    const subscription = await consumerBus.subscribe({ consumer: 'republish-scoring-test', subjects: ['scoring.>'] }, async (message) => {
      received.push(message);
    });
    await eventually(() => expect(received.map((m) => m.metadata.stream)).toEqual(['framework-SIPAS', 'framework-DDCI']));
    expect(received[1]).toMatchObject({ name: 'scoring.FrameworkVersionPublished', version: 1, subject: 'scoring.framework.FrameworkVersionPublished' });
    expect(FrameworkVersionPublishedV1.validate(received[1].data)).toEqual({
      code: 'DDCI',
      version: 1,
      kind: 'LISTED',
      name: 'Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI)',
      editions: [],
      issuerCode: null,
      publishedOn: '2026-01-05',
    });
    await subscription.stop();
  });
});
