import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth: jsonb reorders keys, so hashes need a canonical form. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  // Plain loops and one string built as it goes: a fan-out canonicalises every event's data for
  // its hash, and the arrays of entries the map/filter/join form made were a share of its garbage.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `<` does on strings.
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
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
export function eventHasher(metadata: unknown, recordedAt: Date): (fields: Omit<HashedFields, 'metadata' | 'recordedAt'>, canonicalData?: string) => string {
  const tail = `,${canonicalJson(metadata)},${JSON.stringify(recordedAt.toISOString())}]`;
  // `canonicalData`: canonicalJson(fields.data) when the caller has it already (it sends that text as the event's data).
  return (fields, canonicalData) =>
    createHash('sha256')
      .update(
        `[${canonicalJson(fields.previousHash)},${canonicalJson(fields.streamId)},${canonicalJson(fields.streamVersion)},${canonicalJson(fields.eventId)},` +
          `${canonicalJson(fields.type)},${canonicalJson(fields.schemaVersion)},${canonicalData ?? canonicalJson(fields.data)}${tail}`,
      )
      .digest('hex');
}
