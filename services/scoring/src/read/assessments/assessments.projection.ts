import { EntityManager } from 'typeorm';
import { Decider, DomainEvent, fold } from '@reform/decider';
import { Projection, RecordedEvent } from '@reform/event-store';
import { ASSESSMENT_EVENT_TYPES, assessmentDecider, AssessmentEvent, AssessmentState } from '../../domain/assessment/assessment.decider';
import { CAMPAIGN_EVENT_TYPES, campaignDecider, CampaignEvent, CampaignState } from '../../domain/campaign/campaign.decider';
import { FRAMEWORK_EVENT_TYPES, FrameworkEvent } from '../../domain/framework/framework.decider';
import { SCORING_SCHEMA } from '../../schema';

/**
 * A state table kept by folding a stream's new events with the decider's own evolve onto the row's
 * state; events at or below the row's version are skipped (idempotent: a rebuild equals the live table).
 */
function stateProjection<E extends DomainEvent, S extends { status: string }>(options: {
  name: string;
  table: string;
  eventTypes: readonly string[];
  prefix: string;
  decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState'>;
  /** The row's own columns besides id, status, state and version (kept as first written). */
  columns: (state: Exclude<S, { status: 'NONE' }>) => Record<string, unknown>;
}): Projection {
  return {
    name: options.name,
    eventTypes: options.eventTypes,
    tables: [options.table],
    async apply(events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void> {
      const S = schema ?? SCORING_SCHEMA;
      const byStream = new Map<string, RecordedEvent[]>();
      for (const event of events) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
      for (const [streamId, list] of byStream) {
        const id = streamId.slice(options.prefix.length);
        const [row]: Array<{ state: S; version: number }> = await manager.query(`SELECT state, version FROM "${S}".${options.table} WHERE id = $1`, [id]);
        const fresh = list.filter((event) => event.streamVersion > (row?.version ?? 0));
        if (fresh.length === 0) continue;
        const state = fold(options.decider, fresh as unknown as E[], row?.state ?? options.decider.initialState);
        if (state.status === 'NONE') continue;
        const own = options.columns(state as Exclude<S, { status: 'NONE' }>);
        const names = ['id', ...Object.keys(own), 'status', 'state', 'version'];
        await manager.query(
          `INSERT INTO "${S}".${options.table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
           ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, state = EXCLUDED.state, version = EXCLUDED.version`,
          [id, ...Object.values(own), state.status, JSON.stringify(state), fresh[fresh.length - 1].streamVersion],
        );
      }
    },
  };
}

export const campaignsProjection = stateProjection<CampaignEvent, CampaignState>({
  name: 'campaigns.v1',
  table: 'campaigns',
  eventTypes: CAMPAIGN_EVENT_TYPES,
  prefix: 'campaign-',
  decider: campaignDecider,
  columns: (campaign) => ({ owner_code: campaign.ownerCode, year: campaign.year }),
});

export const assessmentsProjection = stateProjection<AssessmentEvent, AssessmentState>({
  name: 'assessments.v1',
  table: 'assessments',
  eventTypes: ASSESSMENT_EVENT_TYPES,
  prefix: 'assessment-',
  decider: assessmentDecider,
  columns: (assessment) => ({ campaign_id: assessment.campaignId, unit_code: assessment.unitCode, owner_code: assessment.ownerCode, year: assessment.year }),
});

/** `frameworks`: one row per published version (versions never change, so a replay inserts nothing twice). */
export const frameworksProjection: Projection = {
  name: 'frameworks.v1',
  eventTypes: FRAMEWORK_EVENT_TYPES,
  tables: ['frameworks'],
  async apply(events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void> {
    const S = schema ?? SCORING_SCHEMA;
    for (const recorded of events) {
      const { code, version, definition, source, on } = (recorded as unknown as FrameworkEvent).data;
      await manager.query(
        `INSERT INTO "${S}".frameworks (code, version, kind, name, year, issuer_code, definition, source, published_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (code, version) DO NOTHING`,
        [
          code,
          version,
          definition.kind,
          definition.name,
          definition.kind === 'PAR_INDEX_SET' ? definition.year : null,
          definition.kind === 'PAR_INDEX_SET' ? definition.issuerCode : null,
          JSON.stringify(definition),
          source ? JSON.stringify(source) : null,
          on,
        ],
      );
    }
  },
};
