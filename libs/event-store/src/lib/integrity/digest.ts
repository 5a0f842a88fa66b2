import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { readEvents } from './read';

/** One stream's head when the digest was taken: the event at `version` has this `hash`. */
export interface DigestStream {
  readonly streamId: string;
  readonly version: number;
  readonly hash: string;
}

/**
 * Every stream's head hash of one service's event store at a point in time. Plain JSON, to be
 * exported and kept outside the database: a stream rewritten whole with a self-consistent chain
 * passes `verifyStream`, but no longer has the recorded hash at the recorded version.
 */
export interface EventStoreDigest {
  readonly service: string;
  readonly schema: string;
  /** When the digest was taken (ISO 8601). */
  readonly createdAt: string;
  /** The instant the heads are taken at (events recorded at or before it), or null: everything committed at `createdAt`. */
  readonly asOf: string | null;
  /** Ordered by stream id (code points), one entry per stream. */
  readonly streams: DigestStream[];
  /** sha256 (hex) over the canonical JSON of every other field, streams sorted: `digestHash`. */
  readonly digest: string;
}

export interface CreateDigestOptions {
  readonly service: string;
  readonly asOf?: Date;
  /** Where `createdAt` comes from (tests). */
  readonly clock?: () => Date;
}

export interface DigestMismatch {
  readonly streamId: string;
  readonly expected: { readonly version: number; readonly hash: string };
  /** The event now stored at the expected version, else the stream's current head; null when the stream is gone. */
  readonly actual: { readonly version: number; readonly hash: string } | null;
  readonly reason: string;
}

export interface DigestCheckResult {
  /** Digest intact and every stream in it still has its recorded hash at its recorded version. */
  readonly ok: boolean;
  readonly checkedStreams: number;
  readonly mismatches: DigestMismatch[];
  /** False when the digest's `digest` field does not match its content: the digest was altered. */
  readonly digestIntact: boolean;
}

/** The digest was not given in the expected shape (not a digest file, or a damaged one). */
export class DigestFormatError extends Error {
  constructor(message: string) {
    super(`Not a valid event store digest: ${message}`);
    this.name = 'DigestFormatError';
  }
}

/** Stream heads are looked up this many at a time. */
const CHECK_BATCH = 1000;

/** Takes every stream's head (as of `asOf` when given) and seals the list with its sha256. */
export async function createDigest(store: PostgresEventStore, options: CreateDigestOptions): Promise<EventStoreDigest> {
  if (!options.service) throw new Error('createDigest: service is required');
  if (options.asOf && Number.isNaN(options.asOf.getTime())) throw new Error('createDigest: asOf is not a valid date');
  const createdAt = (options.clock ?? (() => new Date()))().toISOString();
  const heads = await store.streamHeads(options.asOf);
  const content = {
    service: options.service,
    schema: store.schema,
    createdAt,
    asOf: options.asOf?.toISOString() ?? null,
    streams: sortStreams(heads.map(({ streamId, version, hash }) => ({ streamId, version, hash }))),
  };
  return { ...content, digest: digestHash(content) };
}

/** sha256 over the canonical JSON of a digest's content (its streams sorted by id, so their order in a file does not matter). */
export function digestHash(content: Omit<EventStoreDigest, 'digest'>): string {
  const canonical = canonicalJson({
    service: content.service,
    schema: content.schema,
    createdAt: content.createdAt,
    asOf: content.asOf,
    streams: sortStreams(content.streams.map(({ streamId, version, hash }) => ({ streamId, version, hash }))),
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Checks the store against a digest taken earlier: for each stream in it, the event at the
 * recorded version must still carry the recorded hash. A stream that grew since is fine (its old
 * head is unchanged); a different hash at that version, a missing version or a missing stream is
 * a mismatch. Streams created after the digest are not in it and not checked. The digest's own
 * `digest` field is recomputed too (`digestIntact`).
 *
 * The recorded hash covers the whole chain up to it only if the chain verifies: run
 * `verifyAllStreams` as well, or a changed event whose hash was not recomputed goes unnoticed here.
 */
export async function checkDigest(store: PostgresEventStore, digest: EventStoreDigest): Promise<DigestCheckResult> {
  assertDigest(digest);
  if (digest.schema !== store.schema) throw new Error(`The digest is of schema "${digest.schema}", this store is "${store.schema}"`);
  const { digest: recorded, ...content } = digest;
  const digestIntact = digestHash(content) === recorded;

  const mismatches: DigestMismatch[] = [];
  for (let start = 0; start < digest.streams.length; start += CHECK_BATCH) {
    const batch = digest.streams.slice(start, start + CHECK_BATCH);
    const rows = await readEvents<{ ord: string; hash: string | null; head_version: number | null; head_hash: string | null }>(
      store,
      // One index probe for the recorded version and one backward probe for the head, per stream.
      (table) => `SELECT wanted.ord, e.hash, head.stream_version AS head_version, head.hash AS head_hash
         FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS wanted(stream_id, version, ord)
         LEFT JOIN ${table} e ON e.stream_id = wanted.stream_id AND e.stream_version = wanted.version
         LEFT JOIN LATERAL (
           SELECT h.stream_version, h.hash FROM ${table} h WHERE h.stream_id = wanted.stream_id ORDER BY h.stream_version DESC LIMIT 1
         ) head ON true
         ORDER BY wanted.ord`,
      [batch.map((s) => s.streamId), batch.map((s) => s.version)],
    );
    for (const row of rows) {
      const expected = batch[Number(row.ord) - 1];
      const mismatch = compare(expected, row);
      if (mismatch) mismatches.push(mismatch);
    }
  }
  return { ok: digestIntact && mismatches.length === 0, checkedStreams: digest.streams.length, mismatches, digestIntact };
}

function compare(expected: DigestStream, row: { hash: string | null; head_version: number | null; head_hash: string | null }): DigestMismatch | null {
  const entry = { streamId: expected.streamId, expected: { version: expected.version, hash: expected.hash } };
  if (row.hash === expected.hash) return null;
  if (row.hash !== null) {
    return {
      ...entry,
      actual: { version: expected.version, hash: row.hash },
      reason: `version ${expected.version} has hash ${short(row.hash)}, the digest recorded ${short(expected.hash)}: the stream was rewritten`,
    };
  }
  if (row.head_version !== null && row.head_hash !== null) {
    return {
      ...entry,
      actual: { version: row.head_version, hash: row.head_hash },
      reason: `version ${expected.version} is gone (the stream's head is now version ${row.head_version}): events were deleted`,
    };
  }
  return { ...entry, actual: null, reason: `the stream is missing (the digest recorded version ${expected.version})` };
}

/** Parses a digest file's text, checking its shape (not its hash: that is `checkDigest`'s). */
export function parseDigest(text: string): EventStoreDigest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DigestFormatError(`not JSON (${(error as Error).message})`);
  }
  assertDigest(value);
  return value;
}

function assertDigest(value: unknown): asserts value is EventStoreDigest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new DigestFormatError('not an object');
  const d = value as Record<string, unknown>;
  for (const field of ['service', 'schema', 'createdAt', 'digest'] as const) {
    if (typeof d[field] !== 'string') throw new DigestFormatError(`"${field}" must be a string`);
  }
  if (d['asOf'] !== null && typeof d['asOf'] !== 'string') throw new DigestFormatError('"asOf" must be a string or null');
  if (!Array.isArray(d['streams'])) throw new DigestFormatError('"streams" must be an array');
  const seen = new Set<string>();
  (d['streams'] as unknown[]).forEach((s, index) => {
    const stream = s as Partial<DigestStream> | null;
    if (
      !stream ||
      typeof stream.streamId !== 'string' ||
      !Number.isInteger(stream.version) ||
      (stream.version as number) < 1 ||
      typeof stream.hash !== 'string'
    ) {
      throw new DigestFormatError(`streams[${index}] must be { streamId: string, version: positive integer, hash: string }`);
    }
    if (seen.has(stream.streamId)) throw new DigestFormatError(`stream "${stream.streamId}" appears twice`);
    seen.add(stream.streamId);
  });
}

function sortStreams(streams: DigestStream[]): DigestStream[] {
  return [...streams].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
}

function short(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}
