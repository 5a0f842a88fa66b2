import { Inject, Injectable } from '@nestjs/common';
import { Identity } from '@reform/access';
import { AccessControl, forbidden } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { fold } from '@reform/decider';
import { CommandShellDependencies, domainEventsOf, EVENT_STORE, EventMetadata, EventStore, handleCommand, Projection } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { commandMetadata, UNIT_HIERARCHY, UnitHierarchy, UnitView } from '@reform/unit-hierarchy';
import { DraftSection, PlanDraft } from '../../domain/plan-draft';
import { PlanCommand, PlanEvent, planDecider, planDeciderFor, PlanProblem, planStreamId, PlanState, tasksOf } from '../../domain/plan.decider';
import { FrameworkCatalogue } from '../../domain/frameworks/catalogue';
import { FrameworkReplica } from '../../read/frameworks/framework-replica';
import { numberTaken, PlanNumberReserved, planNumberStreamId } from '../../domain/plan-number';
import { planUpcasters } from '../../domain/plan.upcasters';
import { IssuerNeighbourhood } from '../../domain/unit-references';
import { plansProjection } from '../../read/plans/plans.projection';
import { Plan, planView } from '../../read/plans/plan-view';
import { PlanType } from '../../read/plans/plan.types';

/** What the plans service's commands need: the store, the unit copy, the access rule, the clock. */
export interface PlanWriterDependencies extends CommandShellDependencies {
  readonly hierarchy: UnitHierarchy;
  readonly access: Pick<AccessControl, 'assert'>;
  readonly clock: Clock;
  /** The framework catalogue drafts are checked against: the replica of the scoring service's (ADR 0034). */
  readonly frameworks: () => Promise<FrameworkCatalogue>;
}

/**
 * The plans service's command shell, shared by its use cases (write/<use-case>/): each command
 * reads the plan's stream once, checks `manage` on the issuer of the plan it is decided against,
 * builds the command from that state (the units of the day), decides and appends with the actor
 * and tenant in the metadata and the read model projected in the same transaction.
 */
export class PlanWriter {
  constructor(protected readonly deps: PlanWriterDependencies) {}

  get store(): EventStore {
    return this.deps.store;
  }

  get projections(): readonly Projection[] {
    return this.deps.projections;
  }

  /** After an append outside `execute` (the issue): publish now. */
  appended(): void {
    this.deps.appended();
  }

  /** Today in Viet Nam, by the service's clock: the default day of an issue, amendment or closing. */
  today(): string {
    return todayOf(this.deps.clock);
  }

  /** The plan as its events say (not the read model), or null when there is none. */
  async find(planId: string): Promise<Plan | null> {
    const state = fold(planDecider, domainEventsOf<PlanEvent>(await this.deps.store.readStream(planStreamId(planId)), planUpcasters));
    return state.status === 'absent' ? null : state;
  }

  /** The plan a caller acts on: an unknown one answers as another tenant's, FORBIDDEN tells nobody whether an id exists. */
  async load(planId: string): Promise<Plan> {
    const plan = await this.find(planId);
    if (!plan) throw forbidden();
    return plan;
  }

  async assertManage(identity: Identity, issuerCode: string): Promise<void> {
    await this.deps.access.assert(identity, 'manage', issuerCode);
  }

  /** A command on an existing plan, built from the state it is decided against once `manage` on its issuer is checked. */
  change(planId: string, identity: Identity, build: (plan: Plan) => PlanCommand | Promise<PlanCommand>): Promise<PlanType> {
    return this.execute(planId, identity, async (state) => {
      if (state.status === 'absent') throw forbidden();
      await this.assertManage(identity, state.draft.issuerCode);
      return build(state);
    });
  }

  /**
   * Decides `command` on the plan's stream (read once) and answers the plan after it. The seeds
   * and `draftPlan` give the command itself, their access checked by the caller.
   */
  async execute(planId: string, identity: Identity, command: PlanCommand | ((state: PlanState) => Promise<PlanCommand>)): Promise<PlanType> {
    const handled = await handleCommand({
      store: this.deps.store,
      decider: planDeciderFor(await this.deps.frameworks()),
      streamId: planStreamId(planId),
      command,
      metadata: (_past, state) => this.metadataFor(identity, state.status === 'absent' ? issuerOf(command) : state.draft.issuerCode),
      projections: this.deps.projections,
      upcasters: planUpcasters,
    });
    if (handled.events.length) this.deps.appended();
    if (handled.state.status === 'absent') throw new Error(`plans: no plan ${planId} after a command`);
    return planView(handled.state);
  }

  /** The number problem issuing `draft` on `day` would meet (for the preview). */
  async numberProblems(planId: string, draft: PlanDraft, day: string): Promise<PlanProblem[]> {
    const reservation = await this.deps.store.readStream(planNumberStreamId(draft.issuerCode, day, draft.number));
    const taken = numberTaken(planId, draft.number, day, (reservation[0]?.data ?? null) as PlanNumberReserved['data'] | null);
    return taken ? [taken] : [];
  }

  /** The issuer's neighbourhood on `day`, and the units named by explicit codes in `sections`. */
  async neighbourhood(issuerCode: string, day: string, sections: readonly DraftSection[]): Promise<IssuerNeighbourhood> {
    const { hierarchy } = this.deps;
    const issuer = await hierarchy.unit(issuerCode, day);
    if (!issuer) return { issuer: null, subtree: [], ancestors: [], aboveAgencies: [], named: [] };
    const [subtree, chain] = await Promise.all([hierarchy.descendants(issuerCode, day), hierarchy.ancestry(issuerCode, day)]);
    const ancestors = chain.slice(1);
    const aboveAgencies = (await Promise.all(ancestors.map((unit) => hierarchy.children(unit.code, day, { level: 'AGENCY' })))).flat();
    const known = new Set([issuer, ...subtree, ...ancestors, ...aboveAgencies].map((unit) => unit.code));
    const explicit = [
      ...new Set(tasksOf(sections).flatMap(({ task }) => [task.lead, task.implementing, task.monitoring].flatMap((cell) => [...(cell?.unitCodes ?? [])]))),
    ].filter((code) => !known.has(code));
    const named = (await Promise.all(explicit.map((code) => hierarchy.unit(code, day)))).filter((unit): unit is UnitView => unit !== null);
    return { issuer, subtree, ancestors, aboveAgencies, named };
  }

  /** Who acted, for whom: the tenant by the one rule of libs/unit-hierarchy (the issuer's unit below the province). */
  metadataFor(identity: Identity, issuerCode: string): Promise<EventMetadata> {
    return commandMetadata(this.deps.hierarchy, identity, issuerCode, this.today());
  }
}

/** A new plan's issuer, from the command that drafts it. */
function issuerOf(command: PlanCommand | ((state: PlanState) => Promise<PlanCommand>)): string {
  if (typeof command !== 'function' && command.type === 'DraftPlan') return command.data.draft.issuerCode;
  throw forbidden();
}

/** The service's writer, wired by Nest. */
@Injectable()
export class PlanCommands extends PlanWriter {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(UNIT_HIERARCHY) hierarchy: UnitHierarchy,
    relay: RelayControl,
    access: AccessControl,
    @Inject(CLOCK) clock: Clock,
    frameworks: FrameworkReplica,
  ) {
    super({ store, hierarchy, access, clock, frameworks: () => frameworks.fresh(), projections: [plansProjection], appended: () => relay.nudge() });
  }
}
