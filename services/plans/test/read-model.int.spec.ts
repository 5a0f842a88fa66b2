import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, eventually, TestDatabase } from '@reform/testing';
import {
  EventMetadata,
  handleCommand,
  PostgresEventStore,
  project,
  RecordedEvent,
  runMigrations,
  serviceDataSourceOptions,
  START,
  SYSTEM_ACTOR,
} from '@reform/event-store';
import { PLANS_SCHEMA } from '../src/schema';
import { plansMigrations } from '../src/plans-migrations';
import { PlanCommand, planDeciderFor, planStreamId } from '../src/domain/plan.decider';
import { TEST_CATALOGUE } from '../src/domain/testing/test-catalogue';
import { plansProjection } from '../src/read/plans/plans.projection';
import { districtNeighbourhood } from '../src/domain/testing/fixture-hierarchy';

/** The plans read model's two promises: the same event twice changes nothing, and a rebuild equals the live table. */
describe('plans read model', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const metadata: EventMetadata = { actor: SYSTEM_ACTOR, tenant: '513', correlationId: 'plans-read-model-test', causationId: null };
  const units = districtNeighbourhood();

  beforeAll(async () => {
    database = await createTestDatabase('plans_read_model');
    dataSource = new DataSource(serviceDataSourceOptions({ url: database.url, schema: PLANS_SCHEMA, migrations: plansMigrations(), poolSize: 3 }));
    await runMigrations(dataSource);
    store = new PostgresEventStore(dataSource, PLANS_SCHEMA);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const table = (manager: EntityManager = dataSource.manager) =>
    manager.query(
      `SELECT id, number, title, issuer_code, year, status, revision, implements_plan_id, issued_on::text, frameworks, document, version FROM plans.plans ORDER BY id`,
    );
  const run = (planId: string, command: PlanCommand) =>
    handleCommand({ store, decider: planDeciderFor(TEST_CATALOGUE), streamId: planStreamId(planId), command, metadata, projections: [plansProjection] });
  const draft = (number: string, tasks: Array<{ text: string; lead: { text: string }; implementing: { text: string }; timeframe?: string }>) => ({
    number,
    title: `Kế hoạch ${number}`,
    issuerCode: '513',
    year: 2021,
    frameworks: ['PAPI'],
    sections: [{ code: '2.1', title: 'Tiếp cận thông tin', indicator: { framework: 'PAPI', code: '2.1' }, tasks }],
  });
  const communeTask = {
    text: 'Công khai thông tin',
    lead: { text: 'Phòng Văn hóa và Thông tin' },
    implementing: { text: 'UBND các xã, thị trấn' },
    timeframe: 'Thường xuyên',
  };
  const officeTask = { text: 'Hướng dẫn nghiệp vụ', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'Phòng Tư pháp' }, timeframe: 'Quý IV/2021' };

  let live: unknown[];

  it('projects every event type inline: draft, revision, issue, amendment, closing', async () => {
    await run('p1', { type: 'DraftPlan', data: { planId: 'p1', draft: draft('1/KH-UBND', [communeTask]) } });
    await run('p1', { type: 'ReviseDraft', data: { draft: draft('1/KH-UBND', [communeTask, officeTask]) } });
    await run('p1', { type: 'IssuePlan', data: { issuedOn: '2021-03-01', units } });
    await run('p1', { type: 'AmendPlan', data: { amendedOn: '2021-06-01', reason: 'Bỏ nhiệm vụ đã xong', change: { removeTaskIds: ['t2'] }, units } });
    await run('p1', { type: 'ClosePlan', data: { closedOn: '2021-12-31', reason: null } });
    await run('p2', { type: 'DraftPlan', data: { planId: 'p2', draft: draft('2/KH-UBND', [officeTask]) } });
    live = await table();
    expect(live).toMatchObject([
      { id: 'p1', number: '1/KH-UBND', status: 'CLOSED', revision: 2, issued_on: '2021-03-01', frameworks: ['PAPI'], version: 5 },
      { id: 'p2', status: 'DRAFT', revision: null, issued_on: null, version: 1 },
    ]);
    const p1 = (live[0] as { document: { sections: Array<{ tasks: Array<{ taskId: string; implementing: { resolved: { unitCodes: string[] } } }> }> } })
      .document;
    expect(p1.sections[0].tasks.map((task) => [task.taskId, task.implementing.resolved.unitCodes])).toEqual([['t1', ['20794', '20797', '20800']]]);
  });

  it('the same events again change nothing, whole or in parts', async () => {
    const recorded = [...(await store.readStream(planStreamId('p1'))), ...(await store.readStream(planStreamId('p2')))];
    await dataSource.transaction(async (manager) => {
      await plansProjection.apply(recorded, manager);
      await plansProjection.apply(recorded.slice(0, 2), manager);
      await plansProjection.apply(recorded.slice(3), manager);
    });
    expect(await table()).toEqual(live);
  });

  it('a rebuild from the event store, in small pages, equals the live table', async () => {
    const total = Number((await dataSource.query(`SELECT count(*) FROM plans.events`))[0].count);
    const all = await eventually(async () => {
      const events: RecordedEvent[] = [];
      for (let position = START; ;) {
        const page = await store.readAll(position, 2);
        if (page.events.length === 0) break;
        events.push(...page.events);
        position = page.position;
      }
      expect(events).toHaveLength(total);
      return events;
    });
    await dataSource.transaction(async (manager) => {
      await manager.query(`TRUNCATE plans.plans`);
      for (let i = 0; i < all.length; i += 2) await project([plansProjection], all.slice(i, i + 2), manager);
      expect(await table(manager)).toEqual(live);
    });
  });
});
