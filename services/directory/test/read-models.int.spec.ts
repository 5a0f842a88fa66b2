import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, eventually, TestDatabase } from '@reform/testing';
import { EventMetadata, PostgresEventStore, project, RecordedEvent, runMigrations, serviceDataSourceOptions, START, SYSTEM_ACTOR } from '@reform/event-store';
import { DIRECTORY_SCHEMA } from '../src/schema';
import { directoryMigrations } from '../src/directory-migrations';
import { UnitCommand } from '../src/domain/unit/unit.decider';
import { unitsProjection } from '../src/read/units/units.projection';
import { accountsProjection } from '../src/read/accounts/accounts.projection';
import { executeUnitCommands } from '../src/write/common/unit-commands';

/**
 * The read models' two promises: the same event twice changes nothing, and a rebuild from the
 * event store equals the tables the live (inline) projections wrote.
 */
describe('directory read models', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const metadata: EventMetadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'read-models-test', causationId: null };

  beforeAll(async () => {
    database = await createTestDatabase('directory_read_models');
    dataSource = new DataSource(serviceDataSourceOptions({ url: database.url, schema: DIRECTORY_SCHEMA, migrations: directoryMigrations(), poolSize: 3 }));
    await runMigrations(dataSource);
    store = new PostgresEventStore(dataSource, DIRECTORY_SCHEMA);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const tables = async (manager: EntityManager = dataSource.manager) => ({
    units: await manager.query(
      `SELECT code, level, kind, name, type, parent_code, valid_from::text, valid_to::text, merged_into, dissolved, version FROM directory.units ORDER BY code`,
    ),
    periods: await manager.query(
      `SELECT code, seq, level, kind, name, type, parent_code, valid_from::text, valid_to::text FROM directory.unit_periods ORDER BY code, seq`,
    ),
    accounts: await manager.query(
      `SELECT account_id, username, display_name, unit_code, status, password_hash, version FROM directory.accounts ORDER BY account_id`,
    ),
    roles: await manager.query(`SELECT account_id, role, unit_code FROM directory.account_roles ORDER BY account_id, role, unit_code`),
  });

  const establish = (
    code: string,
    name: string,
    type: string,
    level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'AGENCY',
    parentCode: string | null,
    validFrom: string | null = null,
  ) => ({
    code,
    command: {
      type: 'EstablishUnit',
      data: { code, name, type, level, kind: level === 'AGENCY' ? type : null, parentCode, validFrom, parentExists: true },
    } as UnitCommand,
  });
  const then = (code: string, command: UnitCommand) => ({ code, command });

  let live: Awaited<ReturnType<typeof tables>>;

  it('projects a history of every event type inline, one unit per row and one row per period', async () => {
    // Nông Sơn's story in small, plus a rename, a transfer and a dissolution.
    await executeUnitCommands(
      store,
      [
        establish('49', 'Tỉnh Quảng Nam', 'Tỉnh', 'PROVINCE', null),
        establish('509', 'Huyện Quế Sơn', 'Huyện', 'DISTRICT', '49'),
        establish('20671', 'Xã Quế Lộc', 'Xã', 'COMMUNE', '509'),
        establish('519', 'Huyện Nông Sơn', 'Huyện', 'DISTRICT', '49', '2008-04-08'),
        establish('519.PNV', 'Phòng Nội vụ', 'Phòng', 'AGENCY', '519', '2008-04-08'),
      ],
      metadata,
    );
    await executeUnitCommands(
      store,
      [
        then('20671', { type: 'RecordEarlierParent', data: { parentCode: '519', until: '2025-01-01', parentExists: true } }),
        then('519', { type: 'MergeUnit', data: { intoCode: '509', effectiveOn: '2025-01-01', intoExists: true } }),
        then('519.PNV', { type: 'DissolveUnit', data: { effectiveOn: '2025-01-01' } }),
        then('509', { type: 'RenameUnit', data: { name: 'Thị xã Quế Sơn', type: 'Thị xã', effectiveOn: '2025-03-01' } }),
        then('20671', { type: 'TransferUnit', data: { parentCode: '49', effectiveOn: '2025-07-01', parentExists: true } }),
      ],
      metadata,
    );
    live = await tables();
    expect(live.units.find((u: { code: string }) => u.code === '519')).toMatchObject({
      valid_from: '2008-04-08',
      valid_to: '2025-01-01',
      merged_into: '509',
      version: 2,
    });
    expect(
      live.periods
        .filter((p: { code: string }) => p.code === '20671')
        .map((p: { parent_code: string; valid_from: string | null; valid_to: string | null }) => [p.parent_code, p.valid_from, p.valid_to]),
    ).toEqual([
      ['519', null, '2025-01-01'],
      ['509', '2025-01-01', '2025-07-01'],
      ['49', '2025-07-01', null],
    ]);
    expect(live.periods.filter((p: { code: string }) => p.code === '509').map((p: { name: string }) => p.name)).toEqual(['Huyện Quế Sơn', 'Thị xã Quế Sơn']);
  });

  it('units: the same events again, all or one by one, change nothing', async () => {
    const events = [...(await store.readStream('unit-20671')), ...(await store.readStream('unit-519'))];
    await dataSource.transaction(async (manager) => {
      await unitsProjection.apply(events, manager);
      for (const event of events) await unitsProjection.apply([event], manager);
    });
    expect(await tables()).toEqual(live);
  });

  it('accounts: the same events again change nothing', async () => {
    const streamId = 'account-6f1c2a4e-0000-4000-8000-000000000001';
    const recorded = await store.transaction(async ({ store: tx, manager }) => {
      const appended = await tx.appendMany(
        [
          {
            streamId,
            expectedVersion: 0,
            events: [
              {
                type: 'AccountCreated',
                data: {
                  accountId: streamId.slice('account-'.length),
                  username: 'd519',
                  displayName: 'Phòng Nội vụ huyện Nông Sơn',
                  unitCode: '519.PNV',
                  passwordHash: 'hash',
                },
              },
              { type: 'RoleGranted', data: { role: 'UNIT_MANAGER', unitCode: '519' } },
              { type: 'RoleGranted', data: { role: 'AUDITOR', unitCode: '49' } },
              { type: 'RoleRevoked', data: { role: 'AUDITOR', unitCode: '49' } },
            ],
          },
        ],
        metadata,
      );
      await project([accountsProjection], appended, manager);
      return appended;
    });
    live = await tables();
    expect(live.roles).toEqual([{ account_id: streamId.slice('account-'.length), role: 'UNIT_MANAGER', unit_code: '519' }]);
    await dataSource.transaction(async (manager) => {
      await accountsProjection.apply(recorded, manager);
      await accountsProjection.apply(recorded.slice(0, 1), manager);
      await accountsProjection.apply(recorded.slice(2), manager);
    });
    expect(await tables()).toEqual(live);
  });

  it('a rebuild from the event store, in small pages, equals the live tables', async () => {
    const total = Number((await dataSource.query(`SELECT count(*) FROM directory.events`))[0].count);
    // readAll holds back events behind any transaction open on the server (other test files).
    const all = await eventually(async () => {
      const events: RecordedEvent[] = [];
      for (let position = START; ;) {
        const page = await store.readAll(position, 3);
        if (page.events.length === 0) break;
        events.push(...page.events);
        position = page.position;
      }
      expect(events).toHaveLength(total);
      return events;
    });
    await dataSource.transaction(async (manager) => {
      await manager.query(`TRUNCATE directory.units, directory.unit_periods, directory.accounts, directory.account_roles`);
      // Pages of three split a unit's events over several applies, as a replay from a checkpoint would.
      for (let i = 0; i < all.length; i += 3) await project([unitsProjection, accountsProjection], all.slice(i, i + 3), manager);
      expect(await tables(manager)).toEqual(live);
    });
  });
});
