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
import { PlanPapiScoresResolver } from './read/plan-papi-scores/plan-papi-scores.graphql';
import { FulfilImprovementObligation } from './automation/when-plan-issued-then-fulfil-improvement-obligation/fulfil-improvement-obligation';
import { FrameworkCatalogue } from './read/frameworks/framework-catalogue';
import { FrameworksResolver } from './read/frameworks/frameworks.graphql';
import { AssessmentAccess } from './read/assessments/assessment-access';
import { AssessmentsResolver } from './read/assessments/assessments.graphql';
import { FrameworkPublisher, LoadFrameworkResolver } from './write/load-framework/load-framework.graphql';
import { CampaignOpener, OpenCampaignResolver } from './write/open-campaign/open-campaign.graphql';
import { AssessmentMutation, SelfAssessmentResolver } from './write/self-assessment/self-assessment.graphql';
import { AppraisalResolver } from './write/appraisal/appraisal.graphql';
import { PublishResultsResolver } from './write/publish-results/publish-results.graphql';
import { DEFAULT_EVIDENCE_LIMITS, EVIDENCE_LIMITS, EVIDENCE_STORAGE, EvidenceLimits, FileEvidenceStorage, PostgresEvidenceStorage } from './write/evidence/evidence-storage';

export interface ScoringOptions {
  readonly databaseUrl: string;
  readonly bus: MessageBus;
  /** Keys that verify session tokens (the gateway's and the directory's); see libs/auth. */
  readonly signingKeys: readonly SigningKey[];
  readonly poolSize?: number;
  /** "Now" for windows, command days and publication; the system clock by default. */
  readonly clock?: Clock;
  /**
   * Where evidence files go: the service's PostgreSQL schema by default (embedded mode), or a
   * directory. An S3-compatible adapter is for production and not written yet (ADR 0032).
   */
  readonly evidence?: { readonly directory?: string; readonly limits?: EvidenceLimits };
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
        { provide: EVIDENCE_LIMITS, useValue: options.evidence?.limits ?? DEFAULT_EVIDENCE_LIMITS },
        {
          provide: EVIDENCE_STORAGE,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => (options.evidence?.directory ? new FileEvidenceStorage(options.evidence.directory) : new PostgresEvidenceStorage(() => dataSource.manager)),
        },
        FrameworkCatalogue,
        FrameworksResolver,
        FrameworkPublisher,
        LoadFrameworkResolver,
        AssessmentAccess,
        AssessmentsResolver,
        CampaignOpener,
        OpenCampaignResolver,
        AssessmentMutation,
        SelfAssessmentResolver,
        AppraisalResolver,
        PublishResultsResolver,
        FulfilImprovementObligation,
        PlanPapiScoresResolver,
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
