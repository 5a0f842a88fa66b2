import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApolloFederationDriverConfig } from '@nestjs/apollo';
import { accountAccessProviders, authProviders, replicatedAccountStatus, SigningKey } from '@reform/auth';
import { EventStoreModule, runMigrations, serviceDataSourceOptions } from '@reform/event-store';
import { MessageBus, MessagingModule } from '@reform/messaging';
import { API_ERROR_FILTER, IDEMPOTENCY_INTERCEPTOR, subgraphGraphQLOptions } from '@reform/subgraph';
import { UNIT_HIERARCHY, UnitHierarchy, UnitHierarchyModule, unitAncestryFrom } from '@reform/unit-hierarchy';
import { CLOCK, Clock, systemClock } from '@reform/clock';
import { SCORING_GRAPHQL_TYPES } from './graphql-types';
import { HealthController } from './health.controller';
import { PapiReadModel } from './read/papi-results/papi-read-model';
import { PapiResultsResolver } from './read/papi-results/papi-results.graphql';
import { SCORING_SCHEMA } from './schema';
import { scoringMigrations } from './scoring-migrations';
import { ImportPapiResultsResolver, PapiImport } from './write/import-papi-results/import-papi-results.graphql';
import { ScoringCommands } from './write/scoring-commands';

export interface ScoringOptions {
  readonly databaseUrl: string;
  readonly bus: MessageBus;
  /** Keys that verify session tokens (the gateway's and the directory's); see libs/auth. */
  readonly signingKeys: readonly SigningKey[];
  readonly poolSize?: number;
  /** "Now" for windows, command days and publication; the system clock by default. */
  readonly clock?: Clock;
}

export { scoringMigrations } from './scoring-migrations';

/** The scoring service: index frameworks, self-assessment and appraisal, ranking, PAPI results. */
@Module({})
export class ScoringModule {
  static forRoot(options: ScoringOptions): DynamicModule {
    const clock = options.clock ?? systemClock;
    return {
      module: ScoringModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            serviceDataSourceOptions({ url: options.databaseUrl, schema: SCORING_SCHEMA, migrations: scoringMigrations(), entities: [], poolSize: options.poolSize, applicationName: 'reform-scoring' }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('scoring: no DataSource options');
            const dataSource = new DataSource(dataSourceOptions);
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        EventStoreModule.forService(SCORING_SCHEMA),
        MessagingModule.forService({ bus: options.bus, service: 'scoring', schema: SCORING_SCHEMA }),
        UnitHierarchyModule.forService({ schema: SCORING_SCHEMA }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>(subgraphGraphQLOptions({ module: ScoringModule, types: SCORING_GRAPHQL_TYPES, signingKeys: options.signingKeys })),
      ],
      controllers: [HealthController],
      providers: [
        { provide: CLOCK, useValue: clock },
        ScoringCommands,
        PapiReadModel,
        PapiImport,
        PapiResultsResolver,
        ImportPapiResultsResolver,
        ...authProviders({
          signingKeys: options.signingKeys,
          unitAncestry: { inject: [UNIT_HIERARCHY], useFactory: (units: UnitHierarchy) => unitAncestryFrom(units, clock) },
          accountStatus: replicatedAccountStatus(SCORING_SCHEMA),
        }),
        ...accountAccessProviders(SCORING_SCHEMA),
        API_ERROR_FILTER,
        IDEMPOTENCY_INTERCEPTOR,
      ],
    };
  }
}
