import { EntityManager } from 'typeorm';
import { fold } from '@reform/decider';
import { Projection, RecordedEvent } from '@reform/event-store';
import { DIRECTORY_SCHEMA } from '../../schema';
import { AccountEvent, AccountState, accountDecider } from '../../domain/account/account.decider';

const ACCOUNT_EVENT_TYPES: readonly AccountEvent['type'][] = [
  'AccountCreated',
  'RoleGranted',
  'RoleRevoked',
  'PasswordChanged',
  'AccountDisabled',
  'AccountMoved',
];

/**
 * `accounts` and `account_roles`: folds each account with the decider's evolve from the stored
 * state and replaces its rows; events at or below the stored version are skipped (idempotent).
 * A batch is read and written in five statements whatever its size (the demo seed and a rebuild
 * write hundreds of accounts at once; one round trip per account cost seconds under load).
 */
export const accountsProjection: Projection = {
  name: 'accounts.v1',
  eventTypes: ACCOUNT_EVENT_TYPES,
  tables: ['accounts', 'account_roles'],
  async apply(events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void> {
    const S = schema ?? DIRECTORY_SCHEMA;
    const byAccount = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const accountId = event.streamId.replace(/^account-/, '');
      const list = byAccount.get(accountId);
      if (list) list.push(event);
      else byAccount.set(accountId, [event]);
    }
    if (byAccount.size === 0) return;
    const stored = await loadAccounts(manager, [...byAccount.keys()], S);
    const changed: Array<{ state: AccountState & { status: 'active' | 'disabled' }; version: number }> = [];
    for (const [accountId, accountEvents] of byAccount) {
      const before = stored.get(accountId);
      const fresh = accountEvents.filter((event) => event.streamVersion > (before?.version ?? 0));
      if (fresh.length === 0) continue;
      const state = fold(accountDecider, fresh as unknown as AccountEvent[], before?.state ?? accountDecider.initialState);
      if (state.status === 'absent') continue;
      changed.push({ state, version: fresh[fresh.length - 1].streamVersion });
    }
    if (changed.length === 0) return;
    const column = <T>(pick: (row: (typeof changed)[number]) => T) => changed.map(pick);
    await manager.query(
      `INSERT INTO "${S}".accounts (account_id, username, display_name, unit_code, status, password_hash, version)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
       ON CONFLICT (account_id) DO UPDATE SET username = EXCLUDED.username, display_name = EXCLUDED.display_name, unit_code = EXCLUDED.unit_code,
         status = EXCLUDED.status, password_hash = EXCLUDED.password_hash, version = EXCLUDED.version`,
      [
        column((row) => row.state.accountId),
        column((row) => row.state.username),
        column((row) => row.state.displayName),
        column((row) => row.state.unitCode),
        column((row) => row.state.status),
        column((row) => row.state.passwordHash),
        column((row) => row.version),
      ],
    );
    await manager.query(`DELETE FROM "${S}".account_roles WHERE account_id = ANY($1::text[])`, [column((row) => row.state.accountId)]);
    const grants = changed.flatMap(({ state }) => state.roles.map((grant) => ({ accountId: state.accountId, ...grant })));
    if (grants.length) {
      await manager.query(`INSERT INTO "${S}".account_roles (account_id, role, unit_code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
        grants.map((grant) => grant.accountId),
        grants.map((grant) => grant.role),
        grants.map((grant) => grant.unitCode),
      ]);
    }
  },
};

/** The stored state of these accounts (absent ones are missing from the map), in two queries. */
async function loadAccounts(
  manager: EntityManager,
  accountIds: readonly string[],
  schema: string,
): Promise<Map<string, { state: AccountState; version: number }>> {
  const rows: Array<Record<string, string> & { version: number }> = await manager.query(
    `SELECT * FROM "${schema}".accounts WHERE account_id = ANY($1::text[])`,
    [accountIds],
  );
  const found = new Map<string, { state: AccountState; version: number }>();
  if (rows.length === 0) return found;
  const roles: Array<{ account_id: string; role: string; unit_code: string }> = await manager.query(
    `SELECT account_id, role, unit_code FROM "${schema}".account_roles WHERE account_id = ANY($1::text[]) ORDER BY role, unit_code`,
    [rows.map((row) => row.account_id)],
  );
  for (const row of rows) {
    found.set(row.account_id, {
      version: row.version,
      state: {
        status: row.status as 'active' | 'disabled',
        accountId: row.account_id,
        username: row.username,
        displayName: row.display_name,
        unitCode: row.unit_code,
        passwordHash: row.password_hash,
        roles: roles.filter((r) => r.account_id === row.account_id).map((r) => ({ role: r.role as never, unitCode: r.unit_code })),
      },
    });
  }
  return found;
}
