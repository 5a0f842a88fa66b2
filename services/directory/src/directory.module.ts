import { DynamicModule, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { getEntityManagerToken } from '@nestjs/typeorm';
import { ServiceOptions, serviceModule } from '@reform/subgraph';
import { AccessControl, DEFAULT_LOGIN_LIMITS, LoginThrottle, PostgresFailureStore, ReplicatedAccountStatus } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { EVENT_STORE, EventStore } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { accessAncestry } from '@reform/unit-hierarchy';
import { DIRECTORY_GRAPHQL_TYPES } from './graphql-types';
import { DIRECTORY_SCHEMA } from './schema';
import { directoryMigrations } from './directory-migrations';
import { AccessRecordConsumer } from './automation/when-auditor-queried-then-record-access/access-record.consumer';
import { AccessRecordResolver } from './read/access-record/access-record.graphql';
import { AccountDirectory } from './read/accounts/account-directory';
import { AccountResolver, RoleGrantResolver, UnitAccountsResolver } from './read/accounts/account.graphql';
import { AccountHistoryResolver, HistoryActorResolver, UnitHistoryResolver } from './read/history/history.graphql';
import { AccountWriter } from './write/common/account-writer';
import { CreateAccountResolver } from './write/create-account/create-account.graphql';
import { GrantRoleResolver } from './write/grant-role/grant-role.graphql';
import { RevokeRoleResolver } from './write/revoke-role/revoke-role.graphql';
import { DisableAccountResolver } from './write/disable-account/disable-account.graphql';
import { ChangePasswordResolver } from './write/change-password/change-password.graphql';
import { CarryAccountAcrossReorganisationResolver } from './write/carry-account-across-reorganisation/carry-account-across-reorganisation.graphql';
import { DirectoryCommands } from './write/common/directory-commands';
import { LOGIN_THROTTLE, LoginResolver } from './write/login/login.graphql';
import { RenameUnitResolver } from './write/rename-unit/rename-unit.graphql';
import { CloseAgencyResolver } from './write/close-agency/close-agency.graphql';
import { EstablishAgencyResolver } from './write/establish-agency/establish-agency.graphql';
import { SetUnitAliasesResolver } from './write/set-unit-aliases/set-unit-aliases.graphql';
import { publishDirectoryEvent } from './publish';
import { UnitPeriodRecord, UnitRecord } from './read/units/unit.records';
import { UnitDirectory } from './read/units/unit-directory';
import { accountsProjection } from './read/accounts/accounts.projection';
import { unitsProjection } from './read/units/units.projection';
import { UnitLineageResolver, UnitResolver } from './read/units/unit.graphql';

/** The keys sign session tokens too (the first signs); the clock gives tenancy's, role checks' and the hierarchy's day. */
export interface DirectoryOptions extends ServiceOptions {
  readonly tokenTtlSeconds?: number;
}

export { directoryMigrations } from './directory-migrations';

/** The directory service: units (and, with identity, accounts), its subgraph, its relay. */
@Module({})
export class DirectoryModule {
  static forRoot(options: DirectoryOptions): DynamicModule {
    return serviceModule(
      {
        name: 'directory',
        schema: DIRECTORY_SCHEMA,
        module: DirectoryModule,
        graphqlTypes: DIRECTORY_GRAPHQL_TYPES,
        migrations: directoryMigrations,
        entities: [UnitRecord, UnitPeriodRecord],
        publish: publishDirectoryEvent,
        // The units and accounts are its own: access answers from them, not from copies.
        access: (clock) => ({
          token: { ttlSeconds: options.tokenTtlSeconds },
          unitAncestry: {
            inject: [UnitDirectory],
            // The same rules as plans and tasks (libs/unit-hierarchy tenancy.ts): lineage followed.
            useFactory: (units: UnitDirectory) => ({
              ancestry: (code: string) => accessAncestry(units.reader(todayOf(clock)), code, todayOf(clock)),
              inForce: async (code: string) => (await units.unit(code, todayOf(clock), todayOf(clock))) !== null,
            }),
          },
          // Its own accounts answer at once (disabled, a claimed role no longer held); its copy of
          // the published changes adds a changed password (sessions issued before it), ADR 0021.
          accountStatus: {
            inject: [AccountDirectory, getEntityManagerToken()],
            useFactory: (accounts: AccountDirectory, manager: EntityManager) => {
              const replicated = new ReplicatedAccountStatus(manager, DIRECTORY_SCHEMA);
              return {
                isCurrent: async (session) =>
                  (await accounts.holdsAll(session.identity.accountId, session.identity.roles)) && (await replicated.isCurrent(session)),
              };
            },
          },
        }),
        providers: [
          UnitDirectory,
          AccountDirectory,
          AccessRecordConsumer,
          AccessRecordResolver,
          DirectoryCommands,
          UnitResolver,
          UnitLineageResolver,
          UnitAccountsResolver,
          AccountResolver,
          RoleGrantResolver,
          LoginResolver,
          {
            provide: AccountWriter,
            inject: [EVENT_STORE, AccountDirectory, UnitDirectory, AccessControl, CLOCK, RelayControl],
            useFactory: (store: EventStore, accounts: AccountDirectory, units: UnitDirectory, access: AccessControl, clock: Clock, relay: RelayControl) =>
              new AccountWriter({ store, accounts, units, access, clock, projections: [unitsProjection, accountsProjection], appended: () => relay.nudge() }),
          },
          CreateAccountResolver,
          GrantRoleResolver,
          RevokeRoleResolver,
          DisableAccountResolver,
          ChangePasswordResolver,
          CarryAccountAcrossReorganisationResolver,
          RenameUnitResolver,
          EstablishAgencyResolver,
          SetUnitAliasesResolver,
          CloseAgencyResolver,
          UnitHistoryResolver,
          HistoryActorResolver,
          AccountHistoryResolver,
          // Failures kept in PostgreSQL: every replica of the directory counts the same ones.
          {
            provide: LOGIN_THROTTLE,
            inject: [getEntityManagerToken()],
            useFactory: (manager: EntityManager) => new LoginThrottle(DEFAULT_LOGIN_LIMITS, new PostgresFailureStore(manager, DIRECTORY_SCHEMA)),
          },
        ],
      },
      options,
    );
  }
}
