import { DomainEvent, NO_UPCASTERS, Upcasters } from '@reform/decider';
import { RecordedEvent } from './event-store.port';

/**
 * Stored events as a decider's events: each lifted to the current schema version of its type by
 * the stream type's upcasters, then read as `E`. The one place a stored event becomes a domain
 * event: it was written by the same decider's code at its recorded version, and the upcasters
 * bring that version to the one `E` describes (handleCommand, history, `asOf`, projections and
 * publishers all read through here).
 */
export function domainEventsOf<E extends DomainEvent>(events: readonly RecordedEvent[], upcasters: Upcasters = NO_UPCASTERS): E[] {
  return events.map((event) => domainEventOf<E>(event, upcasters));
}

export function domainEventOf<E extends DomainEvent>(event: RecordedEvent, upcasters: Upcasters = NO_UPCASTERS): E {
  return upcasters.upcast(event) as unknown as E;
}

/** The recorded event with its data lifted to the current version (for code that needs its metadata too). */
export function upcastRecorded(event: RecordedEvent, upcasters: Upcasters = NO_UPCASTERS): RecordedEvent {
  return upcasters.upcast(event);
}
