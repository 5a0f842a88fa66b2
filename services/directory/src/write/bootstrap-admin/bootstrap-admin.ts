import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { handleCommand, PostgresEventStore, runMigrations, serviceDataSourceOptions, SYSTEM_ACTOR } from '@reform/event-store';
import { accountDecider, accountStreamId } from '../../domain/account/account.decider';
import { accountsProjection } from '../../read/accounts/accounts.projection';
import { directoryMigrations } from '../../directory-migrations';
import { DIRECTORY_SCHEMA as S } from '../../schema';

/**
 * The distributed mode's first platform administrator (no demo accounts there): an operator runs
 * this once with the province the platform serves. It refuses when any administrator exists.
 */
export async function bootstrapAdministrator(options: {
  databaseUrl: string;
  username: string;
  password: string;
  displayName: string;
  provinceCode: string;
}): Promise<string> {
  const dataSource = new DataSource(
    serviceDataSourceOptions({ url: options.databaseUrl, schema: S, migrations: directoryMigrations(), applicationName: 'reform-directory-bootstrap' }),
  );
  await runMigrations(dataSource);
  try {
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${S}".account_roles WHERE role = 'PLATFORM_ADMIN'`);
    if (count > 0) throw new DomainError('ACCOUNT.ADMIN_EXISTS', 'Đã có quản trị nền tảng; hãy dùng tài khoản đó để tạo tài khoản mới.', { kind: 'CONFLICT' });
    if (options.password.length < 12) throw new DomainError('ACCOUNT.WEAK_PASSWORD', 'Mật khẩu quản trị phải có ít nhất 12 ký tự.', { field: 'password' });
    const [province] = await dataSource.query(`SELECT code FROM "${S}".units WHERE code = $1 AND level = 'PROVINCE'`, [options.provinceCode]);
    const store = new PostgresEventStore(dataSource, S);
    const accountId = randomUUID();
    const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: `bootstrap-${accountId}`, causationId: null };
    const username = options.username.trim().toLowerCase();
    const taken = (await dataSource.query(`SELECT 1 FROM "${S}".accounts WHERE username = $1`, [username])).length > 0;
    const passwordHash = await hashPassword(options.password);
    await handleCommand({
      store,
      decider: accountDecider,
      streamId: accountStreamId(accountId),
      command: {
        type: 'CreateAccount',
        data: {
          accountId,
          username,
          displayName: options.displayName,
          unitCode: options.provinceCode,
          passwordHash,
          usernameTaken: taken,
          unitExists: Boolean(province),
        },
      },
      metadata,
      projections: [accountsProjection],
    });
    await handleCommand({
      store,
      decider: accountDecider,
      streamId: accountStreamId(accountId),
      command: { type: 'GrantRole', data: { role: 'PLATFORM_ADMIN', unitCode: options.provinceCode, unitExists: true } },
      metadata,
      projections: [accountsProjection],
    });
    return accountId;
  } finally {
    await dataSource.destroy();
  }
}
