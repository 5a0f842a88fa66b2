import { EntityManager } from 'typeorm';
import { domainEventOf, Projection, RecordedEvent } from '@reform/event-store';
import { applyUnitFacts, loadUnits as loadUnitTables } from '@reform/unit-hierarchy';
import { factOf, UNIT_EVENT_TYPES, UnitEvent } from '../../domain/unit/unit-events';
import { DIRECTORY_SCHEMA } from '../../schema';

export { UNIT_EVENT_TYPES };

/**
 * `units` and `unit_periods` from Unit events, with the same tables and fold that every other
 * service's copy of the hierarchy uses (libs/unit-hierarchy): an event at or below the stored
 * version is skipped, so a rebuild from the event store equals the live tables.
 */
export const unitsProjection: Projection = {
  name: 'units.v1',
  eventTypes: UNIT_EVENT_TYPES,
  tables: ['units', 'unit_periods'],
  async apply(events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void> {
    await applyUnitFacts(
      manager,
      schema ?? DIRECTORY_SCHEMA,
      events.map((event) => ({ code: event.streamId.replace(/^unit-/, ''), version: event.streamVersion, event: factOf(domainEventOf<UnitEvent>(event)) })),
    );
  },
};

export const loadUnits = (manager: EntityManager, codes: string[]) => loadUnitTables(manager, DIRECTORY_SCHEMA, codes);
