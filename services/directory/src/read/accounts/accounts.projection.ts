import { EntityManager } from 'typeorm';
import { fold } from '@reform/decider';
import { Projection, RecordedEvent } from '@reform/event-store';
import { DIRECTORY_SCHEMA } from '../../schema';
import { AccountEvent, AccountState, accountDecider } from '../../domain/account/account.decider';

const ACCOUNT_EVENT_TYPES: readonly AccountEvent['type'][] = ['AccountCreated', 'RoleGranted', 'RoleRevoked', 'PasswordChanged', 'AccountDisabled', 'AccountMoved'];

/**
 * `accounts` and `account_roles`: folds each account with the decider's evolve from the stored
 * state and replaces its rows; events at or below the stored version are skipped (idempotent).
 */
export const accountsProjection: Projection = {
  name: 'accounts.v1',
  eventTypes: ACCOUNT_EVENT_TYPES,
  tables: ['accounts', 'account_roles'],
  async apply(events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void> {
    const S = schema ?? DIRECTORY_SCHEMA;
    const byAccount = new Map<string, RecordedEvent[]>();
    for (const event of events) byAccount.set(event.streamId, [...(byAccount.get(event.streamId) ?? []), event]);
    for (const [streamId, accountEvents] of byAccount) {
      const accountId = streamId.replace(/^account-/, '');
      const before = await loadAccount(manager, accountId, S);
      const fresh = accountEvents.filter((event) => event.streamVersion > (before?.version ?? 0));
      if (fresh.length === 0) continue;
      const state = fold(accountDecider, fresh as unknown as AccountEvent[], before?.state ?? accountDecider.initialState);
      if (state.status === 'absent') continue;
      await manager.query(
        `INSERT INTO "${S}".accounts (account_id, username, display_name, unit_code, status, password_hash, version) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (account_id) DO UPDATE SET username = EXCLUDED.username, display_name = EXCLUDED.display_name, unit_code = EXCLUDED.unit_code,
           status = EXCLUDED.status, password_hash = EXCLUDED.password_hash, version = EXCLUDED.version`,
        [state.accountId, state.username, state.displayName, state.unitCode, state.status, state.passwordHash, fresh[fresh.length - 1].streamVersion],
      );
      await manager.query(`DELETE FROM "${S}".account_roles WHERE account_id = $1`, [accountId]);
      if (state.roles.length) {
        await manager.query(`INSERT INTO "${S}".account_roles (account_id, role, unit_code) SELECT $1, * FROM unnest($2::text[], $3::text[])`, [
          accountId,
          state.roles.map((grant) => grant.role),
          state.roles.map((grant) => grant.unitCode),
        ]);
      }
    }
  },
};

export async function loadAccount(manager: EntityManager, accountId: string, schema: string = DIRECTORY_SCHEMA): Promise<{ state: AccountState; version: number } | null> {
  const S = schema;
  const [row] = await manager.query(`SELECT * FROM "${S}".accounts WHERE account_id = $1`, [accountId]);
  if (!row) return null;
  const roles: Array<{ role: string; unit_code: string }> = await manager.query(`SELECT role, unit_code FROM "${S}".account_roles WHERE account_id = $1 ORDER BY role, unit_code`, [accountId]);
  return {
    version: row.version,
    state: {
      status: row.status,
      accountId: row.account_id,
      username: row.username,
      displayName: row.display_name,
      unitCode: row.unit_code,
      passwordHash: row.password_hash,
      roles: roles.map((r) => ({ role: r.role as never, unitCode: r.unit_code })),
    },
  };
}
