import { DataSource } from 'typeorm';
import { PostgresEventStore, runMigrations, serviceDataSourceOptions, SYSTEM_ACTOR } from '@reform/event-store';
import { verifyPassword } from '@reform/auth';
import { createTestDatabase, TestDatabase } from '@reform/testing';
import { bootstrapAdministrator } from '../src/write/bootstrap-admin/bootstrap-admin';
import { importUnitList } from '../src/write/import-units/import-units';
import { directoryMigrations } from '../src/directory-migrations';

describe('bootstrap of the first platform administrator (distributed mode)', () => {
  let database: TestDatabase;
  beforeAll(async () => (database = await createTestDatabase('bootstrap')));
  afterAll(() => database.drop());

  const run = (password = 'a-long-enough-password') =>
    bootstrapAdministrator({ databaseUrl: database.url, username: 'SoNoiVu', password, displayName: 'Sở Nội vụ tỉnh Quảng Nam', provinceCode: '49' });
  const code = (promise: Promise<unknown>) =>
    promise.then(
      () => 'OK',
      (error) => error.code,
    );

  it('needs the province to exist, refuses a weak password, creates once, and refuses a second administrator', async () => {
    expect(await code(run())).toBe('ACCOUNT.UNKNOWN_UNIT');
    const dataSource = new DataSource(serviceDataSourceOptions({ url: database.url, schema: 'directory', migrations: directoryMigrations() }));
    await runMigrations(dataSource);
    await importUnitList(new PostgresEventStore(dataSource, 'directory'), 'code,name,type,level,parent_code\n49,Tỉnh Quảng Nam,Tỉnh,province,\n', {
      listDate: '2025-03-01',
      metadata: { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 't', causationId: null },
    });
    expect(await code(run('short'))).toBe('ACCOUNT.WEAK_PASSWORD');
    expect(await code(run())).toBe('OK');
    const [account] = await dataSource.query(
      `SELECT a.username, a.password_hash, r.role, r.unit_code FROM directory.accounts a JOIN directory.account_roles r USING (account_id)`,
    );
    expect(account).toMatchObject({ username: 'sonoivu', role: 'PLATFORM_ADMIN', unit_code: '49' });
    expect(await verifyPassword('a-long-enough-password', account.password_hash)).toBe(true);
    expect(await code(run())).toBe('ACCOUNT.ADMIN_EXISTS');
    await dataSource.destroy();
  });
});
