import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth: jsonb reorders keys, so hashes need a canonical form. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedFields {
  readonly previousHash: string | null;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly recordedAt: Date;
}

/** Each event's hash covers the previous one, so a change anywhere breaks every later link. */
export function eventHash(fields: HashedFields): string {
  return eventHasher(fields.metadata, fields.recordedAt)(fields);
}

/**
 * `eventHash` for events that share their metadata and recorded-at (one append): those two are
 * canonicalised once, not once per event. The hashed text is exactly `canonicalJson` of
 * [previousHash, streamId, streamVersion, eventId, type, schemaVersion, data, metadata, recordedAt].
 */
export function eventHasher(metadata: unknown, recordedAt: Date): (fields: Omit<HashedFields, 'metadata' | 'recordedAt'>) => string {
  const tail = `,${canonicalJson(metadata)},${JSON.stringify(recordedAt.toISOString())}]`;
  return (fields) =>
    createHash('sha256')
      .update(
        `[${canonicalJson(fields.previousHash)},${canonicalJson(fields.streamId)},${canonicalJson(fields.streamVersion)},${canonicalJson(fields.eventId)},` +
          `${canonicalJson(fields.type)},${canonicalJson(fields.schemaVersion)},${canonicalJson(fields.data)}${tail}`,
      )
      .digest('hex');
}
