import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { Role } from '@reform/access';
import { normalizeUsername } from '@reform/auth';
import { DIRECTORY_SCHEMA as S } from '../../schema';

export interface AccountView {
  readonly accountId: string;
  readonly username: string;
  readonly displayName: string;
  readonly unitCode: string;
  readonly status: 'active' | 'disabled';
  readonly roles: ReadonlyArray<{ role: Role; unitCode: string }>;
}

/** Read side of accounts. Password hashes leave this class only for the login check. */
@Injectable()
export class AccountDirectory {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async byUsername(username: string): Promise<(AccountView & { passwordHash: string }) | null> {
    const [row] = await this.manager.query(`SELECT * FROM "${S}".accounts WHERE username = $1`, [normalizeUsername(username)]);
    return row ? { ...(await this.withRoles([row]))[0], passwordHash: row.password_hash } : null;
  }

  /** The stream of the account with this username (the index the account commands find it by). */
  async accountIdOf(username: string): Promise<string | null> {
    const [row] = await this.manager.query(`SELECT account_id FROM "${S}".accounts WHERE username = $1`, [normalizeUsername(username)]);
    return row?.account_id ?? null;
  }

  /** The account a command just changed (projected in the command's transaction). */
  async after(username: string): Promise<AccountView> {
    const account = await this.byUsername(username);
    if (!account) throw new Error(`account ${username} vanished after a command`);
    return account;
  }

  async byId(accountId: string): Promise<AccountView | null> {
    const rows = await this.manager.query(`SELECT * FROM "${S}".accounts WHERE account_id = $1`, [accountId]);
    return (await this.withRoles(rows))[0] ?? null;
  }

  async ofUnit(unitCode: string): Promise<AccountView[]> {
    return this.withRoles(await this.manager.query(`SELECT * FROM "${S}".accounts WHERE unit_code = $1 ORDER BY username`, [unitCode]));
  }

  async isActive(accountId: string): Promise<boolean> {
    const [row] = await this.manager.query(`SELECT status FROM "${S}".accounts WHERE account_id = $1`, [accountId]);
    return row?.status === 'active';
  }

  /** The account is active and still holds every role its token claims (answered from this service's own accounts, at once). */
  async holdsAll(accountId: string, roles: ReadonlyArray<{ role: string; unitCode: string }>): Promise<boolean> {
    const account = await this.byId(accountId);
    if (account?.status !== 'active') return false;
    return roles.every((claimed) => account.roles.some((held) => held.role === claimed.role && held.unitCode === claimed.unitCode));
  }

  async usernameTaken(username: string): Promise<boolean> {
    return (await this.manager.query(`SELECT 1 FROM "${S}".accounts WHERE username = $1`, [username])).length > 0;
  }

  /** Which of these usernames are taken, in one query (the demo seed checks about 600 at each start). */
  async takenUsernames(usernames: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ username: string }> = await this.manager.query(`SELECT username FROM "${S}".accounts WHERE username = ANY($1::text[])`, [usernames]);
    return new Set(rows.map((row) => row.username));
  }

  private async withRoles(rows: Array<Record<string, string>>): Promise<AccountView[]> {
    if (rows.length === 0) return [];
    const roles: Array<{ account_id: string; role: Role; unit_code: string }> = await this.manager.query(
      `SELECT account_id, role, unit_code FROM "${S}".account_roles WHERE account_id = ANY($1::text[]) ORDER BY role, unit_code`,
      [rows.map((row) => row.account_id)],
    );
    return rows.map((row) => ({
      accountId: row.account_id,
      username: row.username,
      displayName: row.display_name,
      unitCode: row.unit_code,
      status: row.status as 'active' | 'disabled',
      roles: roles.filter((r) => r.account_id === row.account_id).map((r) => ({ role: r.role, unitCode: r.unit_code })),
    }));
  }
}
