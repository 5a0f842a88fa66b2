import { DataSource } from 'typeorm';
import { EVENT_STORE, PostgresEventStore, readModelVersions, rebuildReadModels, RebuildProgress, RebuildResult } from '@reform/event-store';
import { tableSnapshot } from '@reform/testing';
import { directoryReadModels } from '../src';
import { DirectoryWithDemo, startDirectoryWithDemo } from './directory-test-kit';

/**
 * Issue 5, "Rebuild", for the directory: after the national list, the demo units and accounts and
 * some administration through the API, rebuilding units/unit_periods and accounts/account_roles
 * from the event store gives exactly the live tables, and the subgraph answers from them.
 */
describe('directory: rebuilding the read models from the event store', () => {
  let directory: DirectoryWithDemo;
  let dataSource: DataSource;
  const tables = directoryReadModels.projections.flatMap((p) => p.tables);

  beforeAll(async () => {
    directory = await startDirectoryWithDemo('directory_rebuild');
    dataSource = directory.app.get(DataSource);
    // Administration through the subgraph: a rename, an account created, granted, revoked, disabled.
    const { client } = directory;
    await client.as('doha', 'mutation { renameUnit(code: "20794", name: "Thị trấn Hà Lam Mới", type: "Thị trấn", effectiveOn: "2026-07-01") { name } }');
    await client.as(
      'doha',
      'mutation { createAccount(input: { username: "cv513", displayName: "Chuyên viên Phòng Nội vụ", unitCode: "513.PNV", password: "mat-khau-dai" }) { id } }',
    );
    await client.as('doha', 'mutation { grantRole(username: "cv513", role: UNIT_OFFICER, unitCode: "513") { id } }');
    await client.as('doha', 'mutation { grantRole(username: "cv513", role: VIEWER, unitCode: "49") { id } }');
    await client.as('doha', 'mutation { revokeRole(username: "cv513", role: VIEWER, unitCode: "49") { id } }');
    await client.as('doha', 'mutation { disableAccount(username: "c20797", reason: "Chuyển công tác") { id } }');
  }, 300_000);

  afterAll(() => directory?.stop());

  let live: Record<string, unknown[]>;
  let result: RebuildResult;
  const progress: RebuildProgress[] = [];

  it('rebuilds units, unit_periods, accounts and account_roles equal to the live tables, row for row', async () => {
    live = await tableSnapshot(dataSource, 'directory', tables);
    expect(live.units.length).toBeGreaterThan(16_000); // 10,806 listed units and the demo offices
    expect(live.accounts.length).toBeGreaterThan(500);
    const [{ events }] = await dataSource.query(`SELECT count(*)::int AS events FROM directory.events`);

    result = await rebuildReadModels({
      dataSource,
      store: directory.app.get<PostgresEventStore>(EVENT_STORE),
      schema: directoryReadModels.schema,
      projections: directoryReadModels.projections,
      onProgress: (p) => void progress.push(p),
    });

    expect(await tableSnapshot(dataSource, 'directory', tables)).toEqual(live);
    expect(result.events).toBe(events);
    expect(result.tables).toEqual(tables.map((table) => ({ table, rowsBefore: live[table].length, rowsAfter: live[table].length })));
    expect(progress[progress.length - 1]).toMatchObject({ phase: 'swap', done: events, total: events });
    expect((await readModelVersions(dataSource, 'directory')).map((v) => [v.readModel, v.projection, v.tables])).toEqual([
      ['accounts', 'accounts.v1', ['accounts', 'account_roles']],
      ['units', 'units.v1', ['units', 'unit_periods']],
    ]);
    // The bus-fed access record is not the rebuild's: untouched, and no schema left beside it.
    expect(await dataSource.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'directory%' ORDER BY nspname`)).toEqual([{ nspname: 'directory' }]);
  });

  it('the subgraph answers from the rebuilt tables, and commands project into them', async () => {
    const { client } = directory;
    const read = await client.as('d513', '{ me { username roles { role unit { code } } } unit(code: "513") { name children { code } agencies { code } } }');
    expect(read.me).toEqual({ username: 'd513', roles: [{ role: 'UNIT_MANAGER', unit: { code: '513' } }] });
    expect(read.unit.name).toBe('Huyện Thăng Bình');
    expect(read.unit.children.map((c: { code: string }) => c.code)).toContain('20794');
    expect(read.unit.agencies.map((a: { code: string }) => a.code)).toContain('513.PNV');
    const nongSon = await client.as('d513', '{ unit(code: "519", asOf: "2020-07-01T00:00:00Z") { name parent { code } } }');
    expect(nongSon.unit).toEqual({ name: 'Huyện Nông Sơn', parent: { code: '49' } });
    expect((await client.request('mutation { login(username: "c20797", password: "demo") { token } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    await client.as('doha', 'mutation { renameUnit(code: "20797", name: "Xã Bình Triều Mới", type: "Xã", effectiveOn: "2026-07-01") { name } }');
    const [row] = await dataSource.query(`SELECT name, version FROM directory.units WHERE code = '20797'`);
    expect(row.name).toBe('Xã Bình Triều Mới');
  });
});
