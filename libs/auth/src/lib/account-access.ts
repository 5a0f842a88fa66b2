import { Inject, Injectable, Optional, Provider } from '@nestjs/common';
import { getEntityManagerToken } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { DIRECTORY_ACCOUNT_CONTRACTS } from '@reform/contracts';
import { schemaMigration } from '@reform/event-store';
import { afterCommit, IntegrationItem, OnIntegrationEvent } from '@reform/messaging';
import { ACCOUNT_STATUS, AccountStatus, Session } from './access.guard';

const ACCOUNT_ACCESS_SCHEMA = Symbol('ACCOUNT_ACCESS_SCHEMA');

/**
 * Each service's copy of what the directory says about accounts losing access (ADR 0021): per
 * account, whether it is disabled and since when its earlier sessions are void. Fed by the
 * directory's account contracts through the inbox, like the unit copies; read by the access
 * guard on every request, so an old token stops working everywhere once the message arrives.
 */
export const accountAccessMigrations = (schema: string) => [
  schemaMigration(
    schema,
    1764600000000,
    'CreateAccountAccess',
    [
      `CREATE TABLE "${schema}".account_access (
        account_id text PRIMARY KEY, disabled boolean NOT NULL DEFAULT false, sessions_valid_from timestamptz NOT NULL
      )`,
    ],
    [`DROP TABLE "${schema}".account_access`],
  ),
];

@Injectable()
export class AccountAccessReplica {
  constructor(
    @Inject(ACCOUNT_ACCESS_SCHEMA) private readonly schema: string,
    @Optional() @Inject(ACCOUNT_STATUS) private readonly status?: AccountStatus,
  ) {}

  // One durable consumer for the three contracts (`<service>.AccountAccessReplica.apply`), so an
  // account's changes apply in the order the directory recorded them. Each change only ever
  // moves `sessions_valid_from` forward and never re-enables: replays change nothing.
  @OnIntegrationEvent(DIRECTORY_ACCOUNT_CONTRACTS, { batch: 100 })
  async apply(items: ReadonlyArray<IntegrationItem<{ accountId: string }>>, manager: EntityManager): Promise<void> {
    for (const { data, message } of items) {
      const disabled = message.name === 'directory.AccountDisabled';
      await manager.query(
        `INSERT INTO "${this.schema}".account_access (account_id, disabled, sessions_valid_from) VALUES ($1, $2, $3)
         ON CONFLICT (account_id) DO UPDATE SET disabled = account_access.disabled OR EXCLUDED.disabled,
           sessions_valid_from = GREATEST(account_access.sessions_valid_from, EXCLUDED.sessions_valid_from)`,
        [data.accountId, disabled, message.metadata.recordedAt],
      );
    }
    // The guard's remembered rows are dropped now and again once the new rows are visible.
    const forget = () => (this.status instanceof ReplicatedAccountStatus ? this.status.forget() : undefined);
    forget();
    afterCommit(manager, forget);
  }
}

/** How long the guard believes a row it read: the bound on a change the process did not apply itself. */
export const ACCOUNT_ACCESS_FRESH_MS = 1_000;
/** Accounts remembered at most; beyond, all are forgotten. */
const MAX_REMEMBERED_ACCOUNTS = 10_000;

type AccessRow = { disabled: boolean; sessions_valid_from: Date } | null;

/**
 * The guard's question, answered from the copy: an indexed read, remembered per account for
 * ACCOUNT_ACCESS_FRESH_MS (a reader asking several times a second is one read a second). The
 * replica of this process forgets them all when it applies a change and again after its commit
 * (ADR 0021's "refused within seconds" is then the message's delivery); a change applied by
 * another process of the service is believed within ACCOUNT_ACCESS_FRESH_MS.
 */
export class ReplicatedAccountStatus implements AccountStatus {
  private readonly rows = new Map<string, { row: AccessRow; readAt: number }>();
  private generation = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly schema: string,
    private readonly freshMs = ACCOUNT_ACCESS_FRESH_MS,
  ) {}

  async isCurrent(session: Session): Promise<boolean> {
    const row = await this.rowOf(session.identity.accountId);
    // An account the directory never reported a loss of access for keeps its sessions.
    if (!row) return true;
    return !row.disabled && session.issuedAt.getTime() >= new Date(row.sessions_valid_from).getTime();
  }

  /** Forgets every remembered row: the replica has changed (or is about to change) the copy. */
  forget(): void {
    this.generation++;
    this.rows.clear();
  }

  private async rowOf(accountId: string): Promise<AccessRow> {
    const known = this.rows.get(accountId);
    if (known && Date.now() - known.readAt < this.freshMs) return known.row;
    const generation = this.generation;
    const readAt = Date.now();
    const [row]: AccessRow[] = await this.manager.query(`SELECT disabled, sessions_valid_from FROM "${this.schema}".account_access WHERE account_id = $1`, [
      accountId,
    ]);
    // A read that a change overtook is used once, not remembered.
    if (generation === this.generation) {
      if (this.rows.size >= MAX_REMEMBERED_ACCOUNTS) this.rows.clear();
      this.rows.set(accountId, { row: row ?? null, readAt });
    }
    return row ?? null;
  }
}

/**
 * Providers of a service's copy: the consumer, and ACCOUNT_STATUS-ready `ReplicatedAccountStatus`
 * (give `accountStatusProvider(schema)` to authProviders' `accountStatus`). Needs the service's
 * TypeORM data source and MessagingModule.forService.
 */
export function accountAccessProviders(schema: string): Provider[] {
  return [{ provide: ACCOUNT_ACCESS_SCHEMA, useValue: schema }, AccountAccessReplica];
}

export function replicatedAccountStatus(schema: string) {
  return { inject: [getEntityManagerToken()], useFactory: (manager: EntityManager): AccountStatus => new ReplicatedAccountStatus(manager, schema) };
}
