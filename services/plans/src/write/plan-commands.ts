import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { AccessControl, forbidden } from '@reform/auth';
import { fold } from '@reform/decider';
import { EVENT_STORE, EventMetadata, handleCommand, PostgresEventStore } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { UNIT_HIERARCHY, UnitHierarchy, UnitView } from '@reform/unit-hierarchy';
import { DraftSection } from '../domain/plan-draft';
import { PlanCommand, PlanEvent, planDecider, planStreamId, tasksOf } from '../domain/plan.decider';
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
  ) {}

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
    const record = await this.readModel.byId(planId);
    if (!record) throw new Error(`plans: no read model row for ${planId} after a command`);
    return planView(record.document);
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

  /** Who acted, for whom: the tenant is the issuer's district (else its province). */
  private async metadataFor(identity: Identity, issuerCode: string): Promise<EventMetadata> {
    const actor = { accountId: identity.accountId, username: identity.username, unitCode: identity.unitCode };
    return { actor, tenant: await this.tenantOf(issuerCode), correlationId: randomUUID(), causationId: null };
  }

  private async tenantOf(unitCode: string): Promise<string> {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    let chain = await this.hierarchy.ancestry(unitCode, today);
    if (!chain.length) {
      // An issuer that has ended (merged) keeps the tenant it had.
      const last = await this.hierarchy.lastKnown(unitCode);
      chain = last ? [last, ...(last.parentCode ? await this.hierarchy.ancestry(last.parentCode, today) : [])] : [];
    }
    return chain.find((unit) => unit.level === 'DISTRICT')?.code ?? chain.find((unit) => unit.level === 'PROVINCE')?.code ?? 'platform';
  }
}
