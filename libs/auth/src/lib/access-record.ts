import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { ACCESS_RECORD_STREAM_PREFIX, AUDITOR_QUERIED_EVENT, AuditorQueriedV1 } from '@reform/contracts';
import { EVENT_STORE, EventStore } from '@reform/event-store';

/** Records who looked at what: the access record of issue 5 (auditors' queries). */
export interface AccessRecorder {
  record(identity: Identity, entry: AuditorQueriedV1): Promise<void>;
}
export const ACCESS_RECORDER = Symbol('ACCESS_RECORDER');

/** Whose requests are recorded: any account holding an auditor's role. */
export const isAuditor = (identity: Identity): boolean => identity.roles.some((grant) => grant.role === 'AUDITOR');

/** The longest arguments kept as sent; larger ones are cut (and say so). */
const MAX_ARGUMENTS_CHARS = 4_000;

/**
 * Appends each record to the service's own event store, one new stream `access-<uuid>` a
 * record (no contention between parallel queries), hash-chained like every event; the relay
 * publishes it as `<service>.AuditorQueried` and the directory lists them.
 */
@Injectable()
export class EventStoreAccessRecorder implements AccessRecorder {
  private readonly logger = new Logger('AccessRecord');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async record(identity: Identity, entry: AuditorQueriedV1): Promise<void> {
    const text = JSON.stringify(entry.arguments);
    const data: AuditorQueriedV1 = text.length > MAX_ARGUMENTS_CHARS ? { ...entry, arguments: { truncated: text.slice(0, MAX_ARGUMENTS_CHARS) } } : entry;
    const actor = { accountId: identity.accountId, username: identity.username, unitCode: identity.unitCode };
    await this.store.append(`${ACCESS_RECORD_STREAM_PREFIX}${randomUUID()}`, 'no_stream', [{ type: AUDITOR_QUERIED_EVENT, data }], {
      actor,
      tenant: 'platform',
      correlationId: randomUUID(),
      causationId: null,
    });
    this.logger.debug(`${identity.username} ${entry.operation} ${entry.field}: ${entry.outcome}`);
  }
}
