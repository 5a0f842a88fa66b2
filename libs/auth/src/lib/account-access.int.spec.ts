import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Inbox, IntegrationItem, IntegrationMessage, messagingMigrations } from '@reform/messaging';
import { createTestDatabase, createTestDataSource, TestDatabase } from '@reform/testing';
import { AccountAccessReplica, accountAccessMigrations, ReplicatedAccountStatus } from './account-access';
import { Session } from './access.guard';

const SCHEMA = 'access_copy';
const session = (accountId: string, issuedAt = '2026-12-02T08:00:00Z'): Session => ({
  identity: { accountId, username: accountId, unitCode: '49', roles: [{ role: 'VIEWER', unitCode: '49' }] },
  issuedAt: new Date(issuedAt),
});
const disabled = (accountId: string): IntegrationMessage<{ accountId: string }> => ({
  eventId: randomUUID(),
  name: 'directory.AccountDisabled',
  version: 1,
  subject: 'directory.account.AccountDisabled',
  data: { accountId },
  metadata: {
    actor: { accountId: 'admin', username: 'admin', unitCode: '49' },
    tenant: '49',
    correlationId: randomUUID(),
    causationId: null,
    recordedAt: '2026-12-02T09:00:00Z',
    stream: `account-${accountId}`,
    streamVersion: 2,
  },
});

describe('the guard remembers account access rows, and forgets them when the replica changes them (ADR 0021)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('account_access');
    dataSource = await createTestDataSource(database.url, { migrations: [...messagingMigrations(SCHEMA), ...accountAccessMigrations(SCHEMA)] });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const applyThroughInbox = (replica: AccountAccessReplica, message: IntegrationMessage<{ accountId: string }>, during?: () => Promise<void>) =>
    new Inbox(dataSource, SCHEMA).handleBatch('test.AccountAccessReplica.apply', [message], async (manager) => {
      await replica.apply([{ data: message.data, message } as IntegrationItem<{ accountId: string }>], manager);
      await during?.();
    });

  it('a row changed by another process is believed after the freshness bound, not before', async () => {
    const remembering = new ReplicatedAccountStatus(dataSource.manager, SCHEMA, 60_000);
    const brief = new ReplicatedAccountStatus(dataSource.manager, SCHEMA, 50);
    await expect(remembering.isCurrent(session('acc-other'))).resolves.toBe(true);
    await expect(brief.isCurrent(session('acc-other'))).resolves.toBe(true);
    await dataSource.query(`INSERT INTO ${SCHEMA}.account_access (account_id, disabled, sessions_valid_from) VALUES ('acc-other', true, now())`);
    await expect(remembering.isCurrent(session('acc-other'))).resolves.toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await expect(brief.isCurrent(session('acc-other'))).resolves.toBe(false);
  });

  it('a change the replica applies is refused at once after its commit, even when a request read the old row during the transaction', async () => {
    const status = new ReplicatedAccountStatus(dataSource.manager, SCHEMA, 60_000);
    const replica = new AccountAccessReplica(SCHEMA, status);
    await expect(status.isCurrent(session('acc-1'))).resolves.toBe(true);
    // A request between the replica's write and its commit reads the committed (old) row on another connection.
    await applyThroughInbox(replica, disabled('acc-1'), async () => expect(await status.isCurrent(session('acc-1'))).toBe(true));
    await expect(status.isCurrent(session('acc-1'))).resolves.toBe(false);
    // Another account's sessions are untouched.
    await expect(status.isCurrent(session('acc-2'))).resolves.toBe(true);
  });
});
