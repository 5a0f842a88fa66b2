import { DynamicModule, Module } from '@nestjs/common';
import { ServiceOptions, serviceModule } from '@reform/subgraph';
import { DataSource } from 'typeorm';
import { SCORING_GRAPHQL_TYPES } from './graphql-types';
import { PapiReadModel } from './read/papi-results/papi-read-model';
import { PapiResultsResolver } from './read/papi-results/papi-results.graphql';
import { SCORING_SCHEMA } from './schema';
import { publishScoringEvent } from './publish';
import { scoringMigrations } from './scoring-migrations';
import { ImportPapiResultsResolver, PapiImport } from './write/import-papi-results/import-papi-results.graphql';
import { ScoringCommands } from './write/common/scoring-commands';
import { KeepTargetFacts } from './automation/when-plan-report-or-assignment-changed-then-keep-target-facts/keep-target-facts';
import { ScorecardResolver } from './read/scorecard/scorecard.graphql';
import { TargetAchievementResolver } from './read/target-achievement/target-achievement.graphql';
import { PlanPapiScoresResolver } from './read/plan-papi-scores/plan-papi-scores.graphql';
import { FulfilImprovementObligation } from './automation/when-plan-issued-then-fulfil-improvement-obligation/fulfil-improvement-obligation';
import { FrameworkCatalogue } from './read/frameworks/framework-catalogue';
import { PublishPlatformFrameworks } from './automation/when-service-starts-then-publish-platform-frameworks/publish-platform-frameworks';
import { FrameworksResolver } from './read/frameworks/frameworks.graphql';
import { AssessmentAccess } from './read/assessments/assessment-access';
import { AssessmentsResolver } from './read/assessments/assessments.graphql';
import { FrameworkPublisher, LoadFrameworkResolver } from './write/load-framework/load-framework.graphql';
import { CampaignOpener, OpenCampaignResolver } from './write/open-campaign/open-campaign.graphql';
import { AssessmentMutation } from './write/common/assessment-mutation';
import { ScoreCriterionResolver } from './write/score-criterion/score-criterion.graphql';
import { SubmitSelfAssessmentResolver } from './write/submit-self-assessment/submit-self-assessment.graphql';
import { AppraiseCriterionResolver } from './write/appraise-criterion/appraise-criterion.graphql';
import { FinaliseAppraisalResolver } from './write/finalise-appraisal/finalise-appraisal.graphql';
import { PublishResultsResolver } from './write/publish-results/publish-results.graphql';
import { S3EvidenceStorage } from './write/evidence/s3-evidence-storage';
import { EvidenceStorageChoice } from './write/evidence/evidence-config';
import {
  DEFAULT_EVIDENCE_LIMITS,
  EVIDENCE_LIMITS,
  EVIDENCE_STORAGE,
  EvidenceLimits,
  FileEvidenceStorage,
  PostgresEvidenceStorage,
} from './write/evidence/evidence-storage';

export interface ScoringOptions extends ServiceOptions {
  /**
   * Where evidence files go: the service's PostgreSQL schema by default (embedded mode), a
   * directory, or an S3-compatible store for production (ADR 0035; `evidenceStorageFromEnv`).
   */
  readonly evidence?: EvidenceStorageChoice & { readonly limits?: EvidenceLimits };
}

export { scoringMigrations } from './scoring-migrations';

/** The scoring service: index frameworks, self-assessment and appraisal, ranking, PAPI results. */
@Module({})
export class ScoringModule {
  static forRoot(options: ScoringOptions): DynamicModule {
    return serviceModule(
      {
        name: 'scoring',
        schema: SCORING_SCHEMA,
        module: ScoringModule,
        graphqlTypes: SCORING_GRAPHQL_TYPES,
        migrations: scoringMigrations,
        publish: publishScoringEvent,
        unitCopy: true,
        providers: [
          ScoringCommands,
          { provide: EVIDENCE_LIMITS, useValue: options.evidence?.limits ?? DEFAULT_EVIDENCE_LIMITS },
          {
            provide: EVIDENCE_STORAGE,
            inject: [DataSource],
            useFactory: (dataSource: DataSource) =>
              options.evidence?.s3
                ? new S3EvidenceStorage(options.evidence.s3)
                : options.evidence?.directory
                  ? new FileEvidenceStorage(options.evidence.directory)
                  : new PostgresEvidenceStorage(() => dataSource.manager),
          },
          FrameworkCatalogue,
          FrameworksResolver,
          FrameworkPublisher,
          LoadFrameworkResolver,
          PublishPlatformFrameworks,
          AssessmentAccess,
          AssessmentsResolver,
          CampaignOpener,
          OpenCampaignResolver,
          AssessmentMutation,
          ScoreCriterionResolver,
          SubmitSelfAssessmentResolver,
          AppraiseCriterionResolver,
          FinaliseAppraisalResolver,
          PublishResultsResolver,
          FulfilImprovementObligation,
          PlanPapiScoresResolver,
          KeepTargetFacts,
          TargetAchievementResolver,
          ScorecardResolver,
          PapiReadModel,
          PapiImport,
          PapiResultsResolver,
          ImportPapiResultsResolver,
        ],
      },
      options,
    );
  }
}
