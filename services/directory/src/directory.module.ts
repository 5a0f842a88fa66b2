import { DIRECTORY_GRAPHQL_TYPES } from './graphql-types';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApolloFederationDriverConfig } from '@nestjs/apollo';
import { EventStoreModule, runMigrations, serviceDataSourceOptions } from '@reform/event-store';
import { MessageBus, MessagingModule } from '@reform/messaging';
import { API_ERROR_FILTER, IDEMPOTENCY_INTERCEPTOR, subgraphGraphQLOptions } from '@reform/subgraph';
import { accountAccessProviders, authProviders, DEFAULT_LOGIN_LIMITS, LoginThrottle, PostgresFailureStore, ReplicatedAccountStatus, SigningKey } from '@reform/auth';
import { CLOCK, Clock, systemClock, todayOf } from '@reform/clock';
import { accessAncestry } from '@reform/unit-hierarchy';
import { EntityManager } from 'typeorm';
import { getEntityManagerToken } from '@nestjs/typeorm';
import { DIRECTORY_SCHEMA } from './schema';
import { directoryMigrations } from './directory-migrations';
import { AccessRecordConsumer } from './read/access-record/access-record.consumer';
import { AccessRecordResolver } from './read/access-record/access-record.graphql';
import { AccountDirectory } from './read/accounts/account-directory';
import { AccountResolver, RoleGrantResolver, UnitAccountsResolver } from './read/accounts/account.graphql';
import { AccountHistoryResolver, HistoryActorResolver, UnitHistoryResolver } from './read/history/history.graphql';
import { AccountAdministrationResolver } from './write/accounts/accounts.graphql';
import { DirectoryCommands } from './write/shared/directory-commands';
import { LOGIN_THROTTLE, LoginResolver } from './write/login/login.graphql';
import { RenameUnitResolver } from './write/rename-unit/rename-unit.graphql';
import { CloseAgencyResolver } from './write/close-agency/close-agency.graphql';
import { EstablishAgencyResolver } from './write/establish-agency/establish-agency.graphql';
import { SetUnitAliasesResolver } from './write/set-unit-aliases/set-unit-aliases.graphql';
import { HealthController } from './health.controller';
import { publishDirectoryEvent } from './publish';
import { UnitPeriodRecord, UnitRecord } from './read/units/unit.records';
import { UnitDirectory } from './read/units/unit-directory';
import { UnitLineageResolver, UnitResolver } from './read/units/unit.graphql';

export interface DirectoryOptions {
  readonly databaseUrl: string;
  readonly bus: MessageBus;
  /** Keys that sign and verify session tokens (first signs); see libs/auth. */
  readonly signingKeys: readonly SigningKey[];
  readonly tokenTtlSeconds?: number;
  readonly poolSize?: number;
  /** "Now" and "today" (Viet Nam's day) for tenancy, role checks and the day's hierarchy; the system clock by default. */
  readonly clock?: Clock;
}

export { directoryMigrations } from './directory-migrations';

/** The directory service: units (and, with identity, accounts), its subgraph, its relay. */
@Module({})
export class DirectoryModule {
  static forRoot(options: DirectoryOptions): DynamicModule {
    const clock = options.clock ?? systemClock;
    return {
      module: DirectoryModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            serviceDataSourceOptions({
              url: options.databaseUrl,
              schema: DIRECTORY_SCHEMA,
              migrations: directoryMigrations(),
              entities: [UnitRecord, UnitPeriodRecord],
              poolSize: options.poolSize,
              applicationName: 'reform-directory',
            }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('directory: no DataSource options');
            const dataSource = new DataSource(dataSourceOptions);
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        EventStoreModule.forService(DIRECTORY_SCHEMA),
        MessagingModule.forService({ bus: options.bus, service: 'directory', schema: DIRECTORY_SCHEMA, publish: publishDirectoryEvent }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>(subgraphGraphQLOptions({ module: DirectoryModule, types: DIRECTORY_GRAPHQL_TYPES, signingKeys: options.signingKeys })),
      ],
      controllers: [HealthController],
      providers: [
        { provide: CLOCK, useValue: clock },
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
        AccountAdministrationResolver,
        RenameUnitResolver,
        EstablishAgencyResolver,
        SetUnitAliasesResolver,
        CloseAgencyResolver,
        UnitHistoryResolver,
        HistoryActorResolver,
        AccountHistoryResolver,
        // Failures kept in PostgreSQL: every replica of the directory counts the same ones.
        { provide: LOGIN_THROTTLE, inject: [getEntityManagerToken()], useFactory: (manager: EntityManager) => new LoginThrottle(DEFAULT_LOGIN_LIMITS, new PostgresFailureStore(manager, DIRECTORY_SCHEMA)) },
        ...authProviders({
          signingKeys: options.signingKeys,
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
              return { isCurrent: async (session) => (await accounts.holdsAll(session.identity.accountId, session.identity.roles)) && (await replicated.isCurrent(session)) };
            },
          },
        }),
        ...accountAccessProviders(DIRECTORY_SCHEMA),
        API_ERROR_FILTER,
        IDEMPOTENCY_INTERCEPTOR,
      ],
    };
  }
}
