import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { correlationIdOfContext } from '@reform/observability';
import { Identity } from '@reform/access';
import { AccessControl, forbidden } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { DomainError, fold } from '@reform/decider';
import {
  appliedIdempotencyStep,
  EVENT_STORE,
  EventMetadata,
  handleCommand,
  isIdempotencyKeyCollision,
  nextIdempotencyStep,
  PostgresEventStore,
  project,
  recordIdempotencyStep,
  WrongExpectedVersionError,
} from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { tenantOf, UNIT_HIERARCHY, UnitHierarchy, UnitView } from '@reform/unit-hierarchy';
import { DraftSection } from '../domain/plan-draft';
import { PlanCommand, PlanEvent, planDecider, PlanProblem, planStreamId, problemsError, tasksOf } from '../domain/plan.decider';
import { PlanDraft } from '../domain/plan-draft';
import { numberTaken, numberTakenError, PlanNumberReserved, planNumberStreamId } from '../domain/plan-number';
import { IssuerNeighbourhood } from '../domain/unit-references';
import { plansProjection } from '../read/plans/plans.projection';
import { PlanReadModel } from '../read/plans/plan-read-model';
import { Plan, planView } from '../read/plans/plan-view';
import { PlanType } from '../read/plans/plan.types';

/**
 * The plans service's command shell: load the plan, check `manage` on its issuer, decide against
 * its stream and append with the actor and tenant in the metadata, the read model projected in
 * the same transaction; then nudge the relay.
 */
@Injectable()
export class PlanCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(UNIT_HIERARCHY) private readonly hierarchy: UnitHierarchy,
    private readonly relay: RelayControl,
    private readonly access: AccessControl,
    private readonly readModel: PlanReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Today in Viet Nam, by the service's clock: the default day of an issue, amendment or closing. */
  today(): string {
    return todayOf(this.clock);
  }

  /** The plan as its events say (not the read model): what the command will be decided against. */
  /** The plan, or null when there is none. */
  async find(planId: string): Promise<Plan | null> {
    const state = fold(planDecider, (await this.store.readStream(planStreamId(planId))) as unknown as PlanEvent[]);
    return state.status === 'absent' ? null : state;
  }

  /** The plan a caller acts on: an unknown one answers as another tenant's, FORBIDDEN tells nobody whether an id exists. */
  async load(planId: string): Promise<Plan> {
    const plan = await this.find(planId);
    if (!plan) throw forbidden();
    return plan;
  }

  async assertManage(identity: Identity, issuerCode: string): Promise<void> {
    await this.access.assert(identity, 'manage', issuerCode);
  }

  async execute(planId: string, command: PlanCommand, identity: Identity, issuerCode: string): Promise<PlanType> {
    const handled = await handleCommand({ store: this.store, decider: planDecider, streamId: planStreamId(planId), command, metadata: await this.metadataFor(identity, issuerCode), projections: [plansProjection] });
    // Publish now rather than at the relay's next poll.
    if (handled.events.length) this.relay.nudge();
    // A retry with an idempotency key answers the first request's plan (a draft's id was new then).
    const id = handled.replayed ? handled.streamId.slice(planStreamId('').length) : planId;
    const record = await this.readModel.byId(id);
    if (!record) throw new Error(`plans: no read model row for ${id} after a command`);
    return planView(record.document);
  }

  /**
   * Issuing: the plan's events and the reservation of its number (per issuer and year) in one
   * transaction, the number's stream expected new. A concurrent issue of the same number fails on
   * the reservation's version, retries, and then finds the number taken (CONFLICT naming the plan).
   */
  async issue(planId: string, issuedOn: string, units: IssuerNeighbourhood, identity: Identity, issuerCode: string): Promise<PlanType> {
    const metadata = await this.metadataFor(identity, issuerCode);
    // A retried issue with the request's idempotency key answers the plan as the first one left it
    // (not CONFLICT "already issued"): the key is recorded with the events, as handleCommand does.
    const idempotency = nextIdempotencyStep();
    let appended = false;
    for (let attempt = 0; ; attempt++) {
      try {
        appended = await this.store.transaction(async ({ store: tx, manager }) => {
          if (idempotency && (await appliedIdempotencyStep(manager, this.store.schema, idempotency))) return false;
          const past = await tx.readStream(planStreamId(planId));
          const state = fold(planDecider, past as unknown as PlanEvent[]);
          const number = state.status === 'absent' ? '' : state.draft.number;
          const reservationId = planNumberStreamId(issuerCode, issuedOn, number);
          const reserved = state.status === 'absent' ? null : (((await tx.readStream(reservationId))[0]?.data ?? null) as PlanNumberReserved['data'] | null);
          const taken = numberTaken(planId, number, issuedOn, reserved);
          let events: PlanEvent[];
          try {
            events = planDecider.decide({ type: 'IssuePlan', data: { issuedOn, units } }, state);
          } catch (error) {
            // The number's problem joins the plan's others: every problem in one answer.
            const problems = error instanceof DomainError && Array.isArray(error.details.problems) ? (error.details.problems as PlanProblem[]) : null;
            if (taken && problems) throw problemsError([...problems, taken]);
            throw error;
          }
          if (state.status === 'absent' || !events.length) {
            if (idempotency && state.status !== 'absent') await recordIdempotencyStep(manager, this.store.schema, idempotency, planStreamId(planId), past.length, past.length);
            return false;
          }
          if (taken && reserved) throw numberTakenError(taken, reserved.planId);
          const reserve: PlanNumberReserved = { type: 'PlanNumberReserved', data: { planId, issuerCode, year: Number(issuedOn.slice(0, 4)), number, title: state.draft.title, issuedOn } };
          const recorded = await tx.appendMany(
            [
              { streamId: planStreamId(planId), expectedVersion: past.length, events },
              ...(reserved ? [] : [{ streamId: reservationId, expectedVersion: 0, events: [reserve] }]),
            ],
            metadata,
          );
          await project([plansProjection], recorded, manager);
          if (idempotency) await recordIdempotencyStep(manager, this.store.schema, idempotency, planStreamId(planId), past.length, past.length + events.length);
          return true;
        });
        break;
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < 3) continue;
        if (idempotency && isIdempotencyKeyCollision(error) && attempt < 3) continue;
        throw error;
      }
    }
    if (appended) this.relay.nudge();
    const record = await this.readModel.byId(planId);
    if (!record) throw new Error(`plans: no read model row for ${planId} after issuing`);
    return planView(record.document);
  }

  /** The number problem issuing `draft` on `day` would meet (for the preview). */
  async numberProblems(planId: string, draft: PlanDraft, day: string): Promise<PlanProblem[]> {
    const reservation = await this.store.readStream(planNumberStreamId(draft.issuerCode, day, draft.number));
    const taken = numberTaken(planId, draft.number, day, (reservation[0]?.data ?? null) as PlanNumberReserved['data'] | null);
    return taken ? [taken] : [];
  }

  /** The issuer's neighbourhood on `day`, and the units named by explicit codes in `sections`. */
  async neighbourhood(issuerCode: string, day: string, sections: readonly DraftSection[]): Promise<IssuerNeighbourhood> {
    const issuer = await this.hierarchy.unit(issuerCode, day);
    if (!issuer) return { issuer: null, subtree: [], ancestors: [], aboveAgencies: [], named: [] };
    const [subtree, chain] = await Promise.all([this.hierarchy.descendants(issuerCode, day), this.hierarchy.ancestry(issuerCode, day)]);
    const ancestors = chain.slice(1);
    const aboveAgencies = (await Promise.all(ancestors.map((unit) => this.hierarchy.children(unit.code, day, { level: 'AGENCY' })))).flat();
    const known = new Set([issuer, ...subtree, ...ancestors, ...aboveAgencies].map((unit) => unit.code));
    const explicit = [...new Set(tasksOf(sections).flatMap(({ task }) => [task.lead, task.implementing, task.monitoring].flatMap((cell) => [...(cell?.unitCodes ?? [])])))].filter((code) => !known.has(code));
    const named = (await Promise.all(explicit.map((code) => this.hierarchy.unit(code, day)))).filter((unit): unit is UnitView => unit !== null);
    return { issuer, subtree, ancestors, aboveAgencies, named };
  }

  /** Who acted, for whom: the tenant is the issuer's unit below the province (district, or commune since 2025-07-01), else the province. */
  private async metadataFor(identity: Identity, issuerCode: string): Promise<EventMetadata> {
    const actor = { accountId: identity.accountId, username: identity.username, unitCode: identity.unitCode };
    return { actor, tenant: await this.tenantOf(issuerCode), correlationId: correlationIdOfContext(randomUUID), causationId: null };
  }

  private tenantOf(unitCode: string): Promise<string> {
    // One rule for every service (libs/unit-hierarchy tenancy.ts): the unit below the province
    // in the structure in force today; an issuer that has ended keeps its last place.
    return tenantOf(this.hierarchy, unitCode, this.today());
  }

}
