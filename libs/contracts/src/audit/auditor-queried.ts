import { z } from 'zod';
import { defineContract } from '../lib/contract';

/**
 * The access record (issue 5): every query an auditor sends to a subgraph is recorded in that
 * service's own event store (hash-chained like every event) and published as
 * `<service>.AuditorQueried`; the directory collects them into the list the platform
 * administrator reads. Who acted is the message's actor; when, its `recordedAt`.
 */
const schema = z.object({
  /** `query` or `mutation` (an auditor's mutation is recorded too, refused). */
  operation: z.enum(['query', 'mutation']),
  /** The root field asked for: `plan`, `assignments`, `_entities`... */
  field: z.string().min(1),
  /** The field's arguments, as sent. */
  arguments: z.record(z.string(), z.unknown()),
  operationName: z.string().nullable(),
  outcome: z.enum(['allowed', 'refused']),
});
export type AuditorQueriedV1 = z.infer<typeof schema>;

const auditorQueried = (service: string) => defineContract({ service, aggregate: 'access', eventType: 'AuditorQueried', version: 1, schema });

/** One contract per service that records; a new service adds itself here (the directory's consumer collects every one). */
export const AUDITOR_QUERIED_V1 = {
  directory: auditorQueried('directory'),
  plans: auditorQueried('plans'),
  tasks: auditorQueried('tasks'),
  reporting: auditorQueried('reporting'),
  scoring: auditorQueried('scoring'),
} as const;

/** The stored event's type and stream prefix, the same in every service. */
export const AUDITOR_QUERIED_EVENT = 'AuditorQueried';
export const ACCESS_RECORD_STREAM_PREFIX = 'access-';
