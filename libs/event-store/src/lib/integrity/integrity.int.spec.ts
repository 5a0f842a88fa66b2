import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, createTestDataSource, TestDatabase } from '@reform/testing';
import { EventMetadata, SYSTEM_ACTOR } from '../event-store.port';
import { eventStoreMigrations } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { runIntegrityCommand } from './cli';
import { checkDigest, createDigest, digestHash, EventStoreDigest } from './digest';
import { verifyAllStreams } from './verify-all';

const metadata: EventMetadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'integrity-test', causationId: null };

describe('event store integrity: every stream, digests, the command', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase('es_integrity');
    dataSource = await createTestDataSource(database.url, {
      migrations: [...eventStoreMigrations('tamper'), ...eventStoreMigrations('forge'), ...eventStoreMigrations('history'), ...eventStoreMigrations('empty')],
    });
    dir = await mkdtemp(join(tmpdir(), 'integrity-'));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the command as an operator would, collecting what it prints. */
  async function command(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runIntegrityCommand(argv, {}, { print: (line) => out.push(line), printError: (line) => err.push(line) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  async function seed(store: PostgresEventStore, streams: Record<string, number>) {
    for (const [streamId, count] of Object.entries(streams)) {
      for (let v = 0; v < count; v++)
        await store.append(streamId, v, [{ type: 'ProgressReported', data: { percent: (v + 1) * 10, note: `${streamId} #${v + 1}` } }], metadata);
    }
  }

  describe("verify: every stream's chain", () => {
    let store: PostgresEventStore;
    const streams = { 'unit-1': 1, 'unit-2': 4, 'unit-3': 5, 'unit-4': 3, 'unit-5': 2 };
    const events = Object.values(streams).reduce((a, b) => a + b, 0);

    beforeAll(async () => {
      store = new PostgresEventStore(dataSource, 'tamper');
      await seed(store, streams);
    });

    it('checks every stream and event in pages (streams spanning pages too) and reports progress', async () => {
      const progress: Array<[number, number]> = [];
      const result = await verifyAllStreams(store, { pageSize: 4, onProgress: (done, total) => progress.push([done, total]) });
      expect(result).toEqual({ checkedStreams: 5, checkedEvents: events, broken: [] });
      expect(progress).toEqual([
        [4, events],
        [8, events],
        [12, events],
        [events, events],
      ]);
    });

    it('exits 0 on untouched streams', async () => {
      const { code, out } = await command('verify', '--database-url', database.url, '--schema', 'tamper');
      expect(code).toBe(0);
      expect(out).toContain(`checked 5 stream(s), ${events} event(s) in schema tamper: 0 broken`);
    });

    it('lists every broken stream with its first broken version after raw changes in PostgreSQL, and exits 1 naming them', async () => {
      await dataSource.query(`UPDATE tamper.events SET data = '{"percent": 100, "note": "unit-3 #3"}' WHERE stream_id = 'unit-3' AND stream_version = 3`);
      await dataSource.query(`DELETE FROM tamper.events WHERE stream_id = 'unit-2' AND stream_version = 2`);

      const result = await verifyAllStreams(store, { pageSize: 3 });
      expect(result.checkedStreams).toBe(5);
      expect(result.checkedEvents).toBe(events - 1);
      expect(result.broken).toEqual([
        expect.objectContaining({ streamId: 'unit-2', ok: false, firstBrokenVersion: 2, reason: expect.stringContaining('version 2 is missing') }),
        expect.objectContaining({ streamId: 'unit-3', ok: false, firstBrokenVersion: 3, reason: expect.stringContaining('content was changed') }),
      ]);
      // The same verdict as the per-entity check.
      expect(result.broken[1]).toEqual(await store.verifyStream('unit-3'));

      const { code, out } = await command('verify', '--database-url', database.url, '--schema', 'tamper');
      expect(code).toBe(1);
      expect(out).toContain('stream unit-2: first broken version 2: version 2 is missing');
      expect(out).toContain('stream unit-3: first broken version 3: version 3 does not match its hash');
      expect(out).toContain('2 broken');
    });
  });

  describe('digest: a stream rewritten whole', () => {
    let store: PostgresEventStore;
    let digestFile: string;
    let digest: EventStoreDigest;
    const url = () => database.url;

    beforeAll(async () => {
      store = new PostgresEventStore(dataSource, 'forge');
      await seed(store, { 'plan-1': 3, 'plan-2': 3, 'plan-3': 2, 'plan-4': 4 });
      digestFile = join(dir, 'forge.digest.json');
      const { code, out } = await command('digest', '--database-url', url(), '--schema', 'forge', '--service', 'plans', '--out', digestFile);
      expect(code).toBe(0);
      expect(out).toContain(`wrote the digest of 4 stream(s) of plans (schema forge) to ${digestFile}`);
      digest = JSON.parse(await readFile(digestFile, 'utf8'));
    });

    it('exports every stream head as sealed JSON', async () => {
      const heads = await store.streamHeads();
      expect(digest).toEqual({
        service: 'plans',
        schema: 'forge',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        asOf: null,
        streams: ['plan-1', 'plan-2', 'plan-3', 'plan-4'].map((id) => ({
          streamId: id,
          version: heads.find((h) => h.streamId === id)?.version,
          hash: heads.find((h) => h.streamId === id)?.hash,
        })),
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const { digest: sealed, ...content } = digest;
      expect(digestHash(content)).toBe(sealed);
      // The stream order in a file plays no part in the seal.
      expect(digestHash({ ...content, streams: [...content.streams].reverse() })).toBe(sealed);
      expect(await checkDigest(store, digest)).toEqual({ ok: true, checkedStreams: 4, mismatches: [], digestIntact: true });
    });

    it('refuses to overwrite an earlier digest', async () => {
      const { code, err } = await command('digest', '--database-url', url(), '--schema', 'forge', '--out', digestFile);
      expect(code).toBe(2);
      expect(err).toContain('EEXIST');
    });

    it('accepts a stream that grew after the digest', async () => {
      await store.append('plan-1', 3, [{ type: 'PlanAmended', data: { title: 'later' } }], metadata);
      expect(await checkDigest(store, digest)).toMatchObject({ ok: true, mismatches: [] });
      const { code, out } = await command('check-digest', '--database-url', url(), '--schema', 'forge', '--digest', digestFile);
      expect(code).toBe(0);
      expect(out).toContain('checked 4 stream(s) of plans (schema forge)');
      expect(out).toContain('0 mismatch(es), digest intact');
    });

    it('catches a stream replaced by a self-consistent forged one that verify accepts', async () => {
      const original = await store.readStream('plan-2');
      await dataSource.query(`DELETE FROM forge.events WHERE stream_id = 'plan-2'`);
      await store.append(
        'plan-2',
        'no_stream',
        original.map((event, index) => ({ type: event.type, data: index === 1 ? { percent: 90, note: 'forged' } : event.data })),
        metadata,
      );

      expect((await store.verifyStream('plan-2')).ok).toBe(true);
      expect((await verifyAllStreams(store)).broken).toEqual([]);
      expect((await command('verify', '--database-url', url(), '--schema', 'forge')).code).toBe(0);

      const forgedHead = (await store.readStream('plan-2'))[2];
      const result = await checkDigest(store, digest);
      expect(result).toEqual({
        ok: false,
        checkedStreams: 4,
        digestIntact: true,
        mismatches: [
          {
            streamId: 'plan-2',
            expected: { version: 3, hash: original[2].hash },
            actual: { version: 3, hash: forgedHead.hash },
            reason: expect.stringContaining('the stream was rewritten'),
          },
        ],
      });

      const { code, out } = await command('check-digest', '--database-url', url(), '--schema', 'forge', '--digest', digestFile);
      expect(code).toBe(1);
      expect(out).toContain('stream plan-2: version 3: version 3 has hash');
      expect(out).toContain('1 mismatch(es), digest intact');
    });

    it("catches a stream deleted whole and events cut from a stream's end, which verify cannot see", async () => {
      await dataSource.query(`DELETE FROM forge.events WHERE stream_id = 'plan-3'`);
      await dataSource.query(`DELETE FROM forge.events WHERE stream_id = 'plan-4' AND stream_version = 4`);
      expect((await verifyAllStreams(store)).broken).toEqual([]);

      const result = await checkDigest(store, digest);
      expect(result.mismatches.map((m) => [m.streamId, m.actual, m.reason])).toEqual([
        ['plan-2', expect.anything(), expect.any(String)],
        ['plan-3', null, 'the stream is missing (the digest recorded version 2)'],
        ['plan-4', { version: 3, hash: (await store.readStream('plan-4'))[2].hash }, expect.stringContaining('version 4 is gone')],
      ]);
      const { code, out } = await command('check-digest', '--database-url', url(), '--digest', digestFile);
      expect(code).toBe(1);
      expect(out).toContain('stream plan-3: version 2: the stream is missing');
      expect(out).toContain('stream plan-4: version 4: version 4 is gone');
    });

    it('reports a digest file altered to match the forged store', async () => {
      const forgedHead = (await store.readStream('plan-2'))[2];
      const altered = { ...digest, streams: digest.streams.map((s) => (s.streamId === 'plan-2' ? { ...s, hash: forgedHead.hash } : s)) };
      const alteredFile = join(dir, 'altered.digest.json');
      await writeFile(alteredFile, JSON.stringify(altered));

      const result = await checkDigest(store, altered);
      expect(result.digestIntact).toBe(false);
      expect(result.ok).toBe(false);
      expect(result.mismatches.map((m) => m.streamId)).toEqual(['plan-3', 'plan-4']);

      const { code, out } = await command('check-digest', '--database-url', url(), '--schema', 'forge', '--digest', alteredFile);
      expect(code).toBe(1);
      expect(out).toContain(`digest ${alteredFile}: its digest field does not match its content: the digest file was altered`);
      expect(out).toContain('digest ALTERED');
    });

    it('rejects a file that is not a digest, and a digest of another schema', async () => {
      const notDigest = join(dir, 'not-a-digest.json');
      await writeFile(notDigest, JSON.stringify({ streams: 'none' }));
      const { code, err } = await command('check-digest', '--database-url', url(), '--schema', 'forge', '--digest', notDigest);
      expect(code).toBe(2);
      expect(err).toContain('Not a valid event store digest');
      await expect(checkDigest(new PostgresEventStore(dataSource, 'tamper'), digest)).rejects.toThrow(
        'The digest is of schema "forge", this store is "tamper"',
      );
    });
  });

  describe('digest as of an instant', () => {
    it("takes each stream's head as recorded at that instant, and the store still matches it after later events", async () => {
      let now = new Date('2024-01-10T08:00:00.000Z');
      const store = new PostgresEventStore(dataSource, 'history', { clock: () => now });
      await store.append(
        'assignment-1',
        0,
        [
          { type: 'AssignmentCreated', data: {} },
          { type: 'AssignmentAccepted', data: {} },
        ],
        metadata,
      );
      await store.append('assignment-2', 0, [{ type: 'AssignmentCreated', data: {} }], metadata);
      now = new Date('2024-03-01T08:00:00.000Z');
      await store.append('assignment-1', 2, [{ type: 'ProgressReported', data: { percent: 50 } }], metadata);
      await store.append('assignment-3', 0, [{ type: 'AssignmentCreated', data: {} }], metadata);

      const asOf = new Date('2024-02-01T00:00:00.000Z');
      const digest = await createDigest(store, { service: 'assignments', asOf, clock: () => new Date('2024-04-01T00:00:00.000Z') });
      expect(digest.asOf).toBe('2024-02-01T00:00:00.000Z');
      expect(digest.createdAt).toBe('2024-04-01T00:00:00.000Z');
      expect(digest.streams.map((s) => [s.streamId, s.version])).toEqual([
        ['assignment-1', 2],
        ['assignment-2', 1],
      ]);
      expect(await checkDigest(store, digest)).toMatchObject({ ok: true, checkedStreams: 2 });

      const file = join(dir, 'history.digest.json');
      const written = await command('digest', '--database-url', database.url, '--schema', 'history', '--as-of', asOf.toISOString(), '--out', file);
      expect(written.code).toBe(0);
      const exported: EventStoreDigest = JSON.parse(await readFile(file, 'utf8'));
      expect(exported.streams).toEqual(digest.streams);
      expect((await command('check-digest', '--database-url', database.url, '--schema', 'history', '--digest', file)).code).toBe(0);
    });
  });

  describe('the command', () => {
    it('verifies an empty store', async () => {
      expect(await verifyAllStreams(new PostgresEventStore(dataSource, 'empty'))).toEqual({ checkedStreams: 0, checkedEvents: 0, broken: [] });
      const { code, out } = await command('verify', '--database-url', database.url, '--schema', 'empty');
      expect(code).toBe(0);
      expect(out).toContain('checked 0 stream(s), 0 event(s) in schema empty: 0 broken');
    });

    it('answers a usage error with exit code 2 and the usage', async () => {
      for (const argv of [
        [],
        ['rewrite'],
        ['verify', '--database-url', database.url],
        ['digest', '--database-url', database.url, '--schema', 'forge'],
        ['verify', '--schema', 'Bad-Name', '--database-url', database.url],
        ['verify', '--bogus'],
      ]) {
        const { code, err } = await command(...argv);
        expect({ argv, code }).toEqual({ argv, code: 2 });
        expect(err).toMatch(/integrity: /);
      }
      const { err } = await command('digest', '--database-url', database.url, '--schema', 'forge', '--as-of', 'yesterday', '--out', join(dir, 'x.json'));
      expect(err).toContain('--as-of "yesterday" is not an ISO date');
    });

    it('reports a store it cannot read with exit code 2', async () => {
      const { code, err } = await command('verify', '--database-url', database.url, '--schema', 'no_such_service');
      expect(code).toBe(2);
      expect(err).toContain('does not exist');
    });
  });
});
