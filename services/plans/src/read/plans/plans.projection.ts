import { EntityManager } from 'typeorm';
import { fold } from '@reform/decider';
import { domainEventsOf, Projection, RecordedEvent } from '@reform/event-store';
import { PLANS_SCHEMA } from '../../schema';
import { PLAN_EVENT_TYPES, PlanEvent, planDecider, PlanState } from '../../domain/plan.decider';
import { planUpcasters } from '../../domain/plan.upcasters';

type Plan = Exclude<PlanState, { status: 'absent' }>;

export const planStatus = (state: Plan) => state.status.toUpperCase() as 'DRAFT' | 'ISSUED' | 'CLOSED';

/**
 * `plans` from Plan events: each plan's state is folded with the decider's own evolve from the
 * stored state, so a rebuild from the event store equals the live table; an event at or below
 * the stored version is skipped (idempotent).
 */
export const plansProjection: Projection = {
  name: 'plans.v1',
  eventTypes: PLAN_EVENT_TYPES,
  tables: ['plans'],
  async apply(events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void> {
    const S = schema ?? PLANS_SCHEMA;
    const byId = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const id = event.streamId.replace(/^plan-/, '');
      byId.set(id, [...(byId.get(id) ?? []), event]);
    }
    const rows: Array<{ id: string; document: Plan; version: number }> = await manager.query(
      `SELECT id, document, version FROM "${S}".plans WHERE id = ANY($1::text[])`,
      [[...byId.keys()]],
    );
    const known = new Map(rows.map((row) => [row.id, row]));
    for (const [id, planEvents] of byId) {
      const before = known.get(id);
      const fresh = planEvents.filter((event) => event.streamVersion > (before?.version ?? 0));
      if (!fresh.length) continue;
      const state = fold(planDecider, domainEventsOf<PlanEvent>(fresh, planUpcasters), before?.document ?? planDecider.initialState);
      if (state.status === 'absent') continue;
      await savePlan(manager, S, id, state, fresh[fresh.length - 1].streamVersion);
    }
  },
};

async function savePlan(manager: EntityManager, S: string, id: string, state: Plan, version: number): Promise<void> {
  const issued = state.status === 'draft' ? null : state;
  await manager.query(
    `INSERT INTO "${S}".plans (id, number, title, issuer_code, year, status, revision, implements_plan_id, issued_on, frameworks, document, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO UPDATE SET number = EXCLUDED.number, title = EXCLUDED.title, issuer_code = EXCLUDED.issuer_code, year = EXCLUDED.year,
       status = EXCLUDED.status, revision = EXCLUDED.revision, implements_plan_id = EXCLUDED.implements_plan_id, issued_on = EXCLUDED.issued_on,
       frameworks = EXCLUDED.frameworks, document = EXCLUDED.document, version = EXCLUDED.version`,
    [
      id,
      state.draft.number,
      state.draft.title,
      state.draft.issuerCode,
      state.draft.year,
      planStatus(state),
      issued?.revision ?? null,
      state.draft.implementsPlanId ?? null,
      issued?.issuedOn ?? null,
      [...state.draft.frameworks],
      JSON.stringify(state),
      version,
    ],
  );
}
