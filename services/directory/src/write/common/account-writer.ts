import { Identity } from '@reform/access';
import { AccessControl, forbidden } from '@reform/auth';
import { Clock, todayOf } from '@reform/clock';
import { DomainError } from '@reform/decider';
import { CommandShellDependencies, EventMetadata, handleCommand } from '@reform/event-store';
import { commandMetadata, UnitReader } from '@reform/unit-hierarchy';
import { AccountCommand, accountDecider, AccountState, accountStreamId } from '../../domain/account/account.decider';

/** An account as its stream says it is (not absent). */
export type ExistingAccount = Exclude<AccountState, { status: 'absent' }>;

/** What the account commands look up in the directory's units (the read model, or a fixed list in a test). */
export interface AccountUnits {
  unit(
    code: string,
    day: string | null,
    today: string,
  ): Promise<{ readonly code: string; readonly mergedInto?: string | null; readonly endSource?: string | null } | null>;
  existing(codes: readonly string[]): Promise<Set<string>>;
  reader(today: string): UnitReader;
}

/** The username index: which stream holds an account, and whether a username is taken. */
export interface AccountIndex {
  accountIdOf(username: string): Promise<string | null>;
  usernameTaken(username: string): Promise<boolean>;
}

export interface AccountWriterDependencies extends CommandShellDependencies {
  readonly accounts: AccountIndex;
  readonly units: AccountUnits;
  readonly access: Pick<AccessControl, 'assert'>;
  readonly clock: Clock;
}

const MIN_PASSWORD = 8;

/** The rule of a password an account chooses or is given (the bootstrap administrator's is stricter). */
export function checkPassword(password: string, field: string): void {
  if (password.length < MIN_PASSWORD) throw new DomainError('ACCOUNT.WEAK_PASSWORD', `Mật khẩu phải có ít nhất ${MIN_PASSWORD} ký tự.`, { field });
}

/**
 * The directory's account commands, shared by their use cases (write/<use-case>/): the username
 * index only finds the account's stream; the stream is read once, and access (`administer` on
 * the account's unit) is checked on the state the command is decided against, the command built
 * from that state, the tenant of the metadata taken from it.
 */
export class AccountWriter {
  constructor(private readonly deps: AccountWriterDependencies) {}

  get units(): AccountUnits {
    return this.deps.units;
  }

  get accounts(): AccountIndex {
    return this.deps.accounts;
  }

  /** Today in Viet Nam, by the service's clock. */
  today(): string {
    return todayOf(this.deps.clock);
  }

  assertAdminister(identity: Identity, unitCode: string): Promise<void> {
    return this.deps.access.assert(identity, 'administer', unitCode);
  }

  /** A new account's stream: the caller checked access on the unit it is created for. */
  async create(identity: Identity, command: Extract<AccountCommand, { type: 'CreateAccount' }>): Promise<ExistingAccount> {
    return this.execute(command.data.accountId, identity, command);
  }

  /**
   * A command on the account named `username`, by an administrator of its unit: unknown to the
   * caller answers FORBIDDEN (a platform administrator is told it does not exist).
   */
  async administer(
    identity: Identity,
    username: string,
    build: (account: ExistingAccount) => AccountCommand | Promise<AccountCommand>,
  ): Promise<ExistingAccount> {
    const unknown = () =>
      identity.roles.some((grant) => grant.role === 'PLATFORM_ADMIN')
        ? new DomainError('ACCOUNT.NOT_FOUND', `Không tìm thấy tài khoản "${username}".`, { kind: 'NOT_FOUND', field: 'username' })
        : forbidden();
    const accountId = await this.deps.accounts.accountIdOf(username);
    if (!accountId) throw unknown();
    return this.execute(accountId, identity, async (state) => {
      if (state.status === 'absent') throw unknown();
      await this.assertAdminister(identity, state.unitCode);
      return build(state);
    });
  }

  /** A command on the caller's own account, built from its state (the caller checks what proves it is theirs). */
  async own(identity: Identity, build: (account: ExistingAccount) => AccountCommand | Promise<AccountCommand>, absent: () => Error): Promise<ExistingAccount> {
    const accountId = await this.deps.accounts.accountIdOf(identity.username);
    if (!accountId) throw absent();
    return this.execute(accountId, identity, async (state) => {
      if (state.status === 'absent') throw absent();
      return build(state);
    });
  }

  private async execute(
    accountId: string,
    identity: Identity,
    command: AccountCommand | ((state: AccountState) => Promise<AccountCommand>),
  ): Promise<ExistingAccount> {
    const handled = await handleCommand({
      store: this.deps.store,
      decider: accountDecider,
      streamId: accountStreamId(accountId),
      command,
      metadata: (_past, state) => this.metadataFor(identity, state.status === 'absent' ? unitOf(command) : state.unitCode),
      projections: this.deps.projections,
    });
    if (handled.events.length) this.deps.appended();
    if (handled.state.status === 'absent') throw new Error(`directory: no account ${accountId} after a command`);
    return handled.state;
  }

  private metadataFor(identity: Identity, unitCode: string | null): Promise<EventMetadata> {
    const today = this.today();
    return commandMetadata(this.deps.units.reader(today), identity, unitCode, today);
  }
}

const unitOf = (command: AccountCommand | ((state: AccountState) => Promise<AccountCommand>)): string | null =>
  typeof command !== 'function' && command.type === 'CreateAccount' ? command.data.unitCode : null;
