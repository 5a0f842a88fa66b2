import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlanIssuedV1 } from '@reform/contracts';
import { DomainError } from '@reform/decider';
import { Job, JobQueueTimings, MessageJobMeta, QueueWorker, systemActsOn } from '@reform/messaging';
import { IssuedPlanFacts, regimeFromRequirement, regimeIdFromPlan } from '../../domain/regime/from-plan';
import { regimeDecider, regimeStreamId } from '../../domain/regime/regime.decider';
import { REPORTING_SCHEMA } from '../../schema';
import { ReportingCommands } from '../../write/common/reporting-commands';

/** The job queue of the plans issued with reporting requirements (one key per plan). */
export const PLAN_REGIMES_QUEUE = 'reporting.plan-regimes';

export const PLAN_REGIME_OPTIONS = Symbol('PLAN_REGIME_OPTIONS');
export type PlanRegimeOptions = JobQueueTimings;

export type PlanRegimeJobMeta = MessageJobMeta;

export interface PlanRegimeOutcome {
  readonly requirement: number;
  readonly regimeId: string | null;
  readonly outcome: 'defined' | 'linked' | 'already' | 'no-schedule' | 'not-the-issuers';
}

/**
 * A plan issued with reporting requirements makes its regimes, off the job queue of libs/messaging
 * (ADR 0024: one leader, bounded attempts, then a dead letter). For each requirement, in order:
 * - it names a regime (`regimeId`): the plan is linked to it (RegimePlanLinked), nothing when it
 *   already is; a regime not (yet) defined fails the job, which is tried again, then dead-lettered;
 *   a regime another unit owns is not linked (logged): writing its id in a plan must not attach the
 *   plan to a regime its issuer does not manage, which linking by hand would refuse;
 * - else the regime its text gives (period types or one ad hoc deadline; the issuer owns it, the
 *   plan's implementing units report) is defined under an id derived from the plan and the
 *   requirement's place, so a redelivered or retried job finds it and changes nothing;
 * - a text that gives no schedule makes nothing (logged).
 * Each act is dated the plan's issue day and caused by the plan event (the system acts).
 */
@Injectable()
export class PlanRegimeJobs extends QueueWorker {
  private readonly logger = new Logger('PlanRegimes');

  constructor(
    private readonly commands: ReportingCommands,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PLAN_REGIME_OPTIONS) options: PlanRegimeOptions,
  ) {
    super({
      dataSource,
      schema: REPORTING_SCHEMA,
      queue: PLAN_REGIMES_QUEUE,
      pollMs: options.pollMs,
      retryDelayMs: options.retryDelayMs,
      maxAttempts: options.maxAttempts,
    });
  }

  protected async handle(job: Job): Promise<void> {
    await this.regimesOf(job as Job<PlanIssuedV1, PlanRegimeJobMeta>);
  }

  async regimesOf(job: Job<PlanIssuedV1, PlanRegimeJobMeta>): Promise<PlanRegimeOutcome[]> {
    const plan = job.data;
    const facts: IssuedPlanFacts = {
      planId: plan.planId,
      number: plan.number,
      issuerCode: plan.issuerCode,
      issuedOn: plan.issuedOn,
      year: plan.year,
      implementingUnitCodes: plan.tasks.flatMap((task) => task.implementing),
    };
    const metadata = systemActsOn(job.meta);
    const outcomes: PlanRegimeOutcome[] = [];
    for (const [i, requirement] of (plan.reportingRequirements ?? []).entries()) {
      const n = i + 1;
      const link = async (regimeId: string): Promise<PlanRegimeOutcome> => {
        const { events } = await this.commands.execute(
          regimeDecider,
          regimeStreamId(regimeId),
          { type: 'LinkPlan', data: { planId: plan.planId, source: `Kế hoạch ${plan.number}: ${requirement.text}`, on: plan.issuedOn } },
          metadata,
        );
        return { requirement: n, regimeId, outcome: events.length ? 'linked' : 'already' };
      };
      if (requirement.regimeId) {
        const [named]: Array<{ owner_code: string }> = await this.dataSource.query(`SELECT owner_code FROM "${REPORTING_SCHEMA}".regimes WHERE id = $1`, [
          requirement.regimeId,
        ]);
        if (!named)
          throw new DomainError(
            'REGIME.NOT_FOUND',
            `Plan ${plan.number}: reporting requirement ${n} names regime ${requirement.regimeId}, which is not defined (yet)`,
            { kind: 'NOT_FOUND', field: 'regimeId' },
          );
        if (named.owner_code !== plan.issuerCode) {
          this.logger.warn(
            `Plan ${plan.number} (${plan.planId}): reporting requirement ${n} names regime ${requirement.regimeId} of unit ${named.owner_code}, not of the issuer ${plan.issuerCode}: not linked`,
          );
          outcomes.push({ requirement: n, regimeId: requirement.regimeId, outcome: 'not-the-issuers' });
          continue;
        }
        outcomes.push(await link(requirement.regimeId));
        continue;
      }
      const definition = regimeFromRequirement(facts, requirement, n);
      if (!definition) {
        this.logger.warn(
          `Plan ${plan.number} (${plan.planId}): reporting requirement ${n} gives no schedule, no regime made: "${requirement.text.slice(0, 200)}"`,
        );
        outcomes.push({ requirement: n, regimeId: null, outcome: 'no-schedule' });
        continue;
      }
      try {
        await this.commands.execute(regimeDecider, regimeStreamId(definition.id), { type: 'DefineRegime', data: { definition, on: plan.issuedOn } }, metadata);
        outcomes.push({ requirement: n, regimeId: definition.id, outcome: 'defined' });
      } catch (error) {
        // Defined by an earlier run of this job (a redelivery, a retry after a crash): only the link remains to check.
        if (!(error instanceof DomainError && error.code === 'REGIME.ALREADY_DEFINED')) throw error;
        outcomes.push(await link(regimeIdFromPlan(plan.planId, n)));
      }
    }
    this.logger.log(
      `Plan ${plan.number} (${plan.planId}): ${outcomes.map((o) => `${o.requirement}: ${o.outcome}${o.regimeId ? ` ${o.regimeId}` : ''}`).join('; ')}`,
    );
    return outcomes;
  }
}
