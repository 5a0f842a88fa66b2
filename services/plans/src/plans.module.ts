import { CLOCK, Clock, systemClock } from '@reform/clock';
import { PLANS_GRAPHQL_TYPES } from './graphql-types';
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
import { HealthController } from './health.controller';
import { plansMigrations } from './plans-migrations';
import { publishPlanEvent } from './publish';
import { PlanAccess } from './read/plans/plan-access';
import { PlanReadModel } from './read/plans/plan-read-model';
import { PlanRecord } from './read/plans/plan.record';
import { PlanResolver } from './read/plans/plans.graphql';
import { PublicPlansResolver } from './read/plans/public-plans.graphql';
import { PLANS_SCHEMA } from './schema';
import { AmendPlanResolver } from './write/amend-plan/amend-plan.graphql';
import { ClosePlanResolver } from './write/close-plan/close-plan.graphql';
import { DraftPlanResolver } from './write/draft-plan/draft-plan.graphql';
import { IssuePlanResolver } from './write/issue-plan/issue-plan.graphql';
import { IssuePreviewResolver } from './write/issue-plan/issue-preview.graphql';
import { ReviseDraftResolver } from './write/revise-draft/revise-draft.graphql';
import { ParentPlanCheck } from './write/shared/parent-plan';
import { PlanCommands } from './write/shared/plan-commands';

export interface PlansOptions {
  readonly databaseUrl: string;
  readonly bus: MessageBus;
  /** Keys that verify session tokens (the gateway's and the directory's); see libs/auth. */
  readonly signingKeys: readonly SigningKey[];
  readonly poolSize?: number;
  /** "Now" and "today" (Viet Nam's day) for issue, amendment and closing days and tenancy; the system clock by default. */
  readonly clock?: Clock;
}

export { plansMigrations } from './plans-migrations';

/** The plans service: plans drafted, issued, amended and closed; its subgraph; its relay; its copy of the units. */
@Module({})
export class PlansModule {
  static forRoot(options: PlansOptions): DynamicModule {
    const clock = options.clock ?? systemClock;
    return {
      module: PlansModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            serviceDataSourceOptions({
              url: options.databaseUrl,
              schema: PLANS_SCHEMA,
              migrations: plansMigrations(),
              entities: [PlanRecord],
              poolSize: options.poolSize,
              applicationName: 'reform-plans',
            }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('plans: no DataSource options');
            const dataSource = new DataSource(dataSourceOptions);
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        EventStoreModule.forService(PLANS_SCHEMA),
        MessagingModule.forService({ bus: options.bus, service: 'plans', schema: PLANS_SCHEMA, publish: publishPlanEvent }),
        UnitHierarchyModule.forService({ schema: PLANS_SCHEMA }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>(subgraphGraphQLOptions({ module: PlansModule, types: PLANS_GRAPHQL_TYPES, signingKeys: options.signingKeys })),
      ],
      controllers: [HealthController],
      providers: [
        { provide: CLOCK, useValue: clock },
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
        ...authProviders({
          signingKeys: options.signingKeys,
          unitAncestry: { inject: [UNIT_HIERARCHY], useFactory: (units: UnitHierarchy) => unitAncestryFrom(units, clock) },
          // Sessions of disabled accounts, revoked roles or changed passwords end here too (ADR 0021).
          accountStatus: replicatedAccountStatus(PLANS_SCHEMA),
        }),
        ...accountAccessProviders(PLANS_SCHEMA),
        API_ERROR_FILTER,
        IDEMPOTENCY_INTERCEPTOR,
      ],
    };
  }
}
