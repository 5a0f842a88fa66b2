import { DynamicModule, Module } from '@nestjs/common';
import { ServiceOptions, serviceModule } from '@reform/subgraph';
import { PLANS_GRAPHQL_TYPES } from './graphql-types';
import { plansMigrations } from './plans-migrations';
import { publishPlanEvent } from './publish';
import { PlanAccess } from './read/plans/plan-access';
import { PlanReadModel } from './read/plans/plan-read-model';
import { PlanRecord } from './read/plans/plan.record';
import { PlanResolver } from './read/plans/plans.graphql';
import { PublicPlansResolver } from './read/plans/public-plans.graphql';
import { PLANS_SCHEMA } from './schema';
import { KeepFrameworkCatalogue } from './automation/when-framework-published-then-keep-catalogue/keep-framework-catalogue';
import { FrameworkReplica } from './read/frameworks/framework-replica';
import { PlanFrameworksResolver, PlanIndicatorResolver } from './read/frameworks/frameworks.graphql';
import { AmendPlanResolver } from './write/amend-plan/amend-plan.graphql';
import { ClosePlanResolver } from './write/close-plan/close-plan.graphql';
import { DraftPlanResolver } from './write/draft-plan/draft-plan.graphql';
import { IssuePlanResolver } from './write/issue-plan/issue-plan.graphql';
import { IssuePreviewResolver } from './write/issue-plan/issue-preview.graphql';
import { ReviseDraftResolver } from './write/revise-draft/revise-draft.graphql';
import { ParentPlanCheck } from './write/common/parent-plan';
import { PlanCommands } from './write/common/plan-commands';

/** The clock gives "today" (Viet Nam's day) for issue, amendment and closing days and tenancy. */
export type PlansOptions = ServiceOptions;

export { plansMigrations } from './plans-migrations';

/** The plans service: plans drafted, issued, amended and closed; its subgraph; its relay; its copies of the units and of the scoring service's framework catalogue. */
@Module({})
export class PlansModule {
  static forRoot(options: PlansOptions): DynamicModule {
    return serviceModule(
      {
        name: 'plans',
        schema: PLANS_SCHEMA,
        module: PlansModule,
        graphqlTypes: PLANS_GRAPHQL_TYPES,
        migrations: plansMigrations,
        entities: [PlanRecord],
        publish: publishPlanEvent,
        unitCopy: true,
        providers: [
          FrameworkReplica,
          KeepFrameworkCatalogue,
          PlanFrameworksResolver,
          PlanIndicatorResolver,
          PlanReadModel,
          PlanAccess,
          PlanCommands,
          ParentPlanCheck,
          PlanResolver,
          PublicPlansResolver,
          DraftPlanResolver,
          ReviseDraftResolver,
          IssuePlanResolver,
          IssuePreviewResolver,
          AmendPlanResolver,
          ClosePlanResolver,
        ],
      },
      options,
    );
  }
}
