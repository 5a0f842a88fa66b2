import { EntityManager } from 'typeorm';
import { Projection, RecordedEvent } from '@reform/event-store';
import { PAPI_YEAR_EVENT_TYPES, PapiYearEvent } from '../../domain/papi/papi-year.decider';
import { SCORING_SCHEMA } from '../../schema';

/** `papi_years` from PapiResultsImported: the year's latest revision; an event at or below the row's version changes nothing. */
export const papiProjection: Projection = {
  name: 'papi_years.v1',
  eventTypes: PAPI_YEAR_EVENT_TYPES,
  tables: ['papi_years'],
  async apply(events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void> {
    const S = schema ?? SCORING_SCHEMA;
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as PapiYearEvent;
      const { year, revision, rows, source, on } = event.data;
      await manager.query(
        `INSERT INTO "${S}".papi_years (year, revision, rows, source, imported_on, version) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (year) DO UPDATE SET revision = EXCLUDED.revision, rows = EXCLUDED.rows, source = EXCLUDED.source, imported_on = EXCLUDED.imported_on, version = EXCLUDED.version
         WHERE "${S}".papi_years.version < EXCLUDED.version`,
        [year, revision, JSON.stringify(rows), JSON.stringify(source), on, recorded.streamVersion],
      );
    }
  },
};
