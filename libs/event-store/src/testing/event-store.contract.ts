import { randomUUID } from 'node:crypto';
import { IdempotencyKeyReusedError } from '../lib/idempotency';
import { EventMetadata, EventStore, GlobalPosition, RecordedEvent, START, WrongExpectedVersionError } from '../lib/event-store.port';

/**
 * What any EventStore adapter must do. PostgreSQL runs it today; a KurrentDB adapter must pass
 * the same suite where a KurrentDB server runs. `factory` gives a fresh, empty store per test file.
 */
export function describeEventStoreContract(name: string, factory: () => Promise<{ store: EventStore; close(): Promise<void> }>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let close: () => Promise<void>;
    const metadata: EventMetadata = {
      actor: { accountId: 'acc-1', username: 'd513', unitCode: '513' },
      tenant: '513',
      correlationId: randomUUID(),
      causationId: null,
    };
    const stream = () => `test-${randomUUID()}`;

    beforeAll(async () => ({ store, close } = await factory()));
    afterAll(() => close());

    it('appends and reads a stream back with versions from 1 and full metadata', async () => {
      const id = stream();
      const result = await store.append(
        id,
        'no_stream',
        [
          { type: 'PlanDrafted', data: { title: 'Kế hoạch cải thiện PAPI', year: 2021 } },
          { type: 'PlanIssued', data: { on: '2021-05-23' }, schemaVersion: 2 },
        ],
        metadata,
      );
      expect(result.nextExpectedVersion).toBe(2);
      const events = await store.readStream(id);
      expect(events.map((e) => [e.streamVersion, e.type, e.schemaVersion])).toEqual([
        [1, 'PlanDrafted', 1],
        [2, 'PlanIssued', 2],
      ]);
      expect(events[0].data).toEqual({ title: 'Kế hoạch cải thiện PAPI', year: 2021 });
      expect(events[0].metadata).toEqual(metadata);
      expect(events[0].eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(events[0].recordedAt).toBeInstanceOf(Date);
    });

    it('refuses a wrong expected version with a typed error naming stream, expected and actual', async () => {
      const id = stream();
      await store.append(id, 0, [{ type: 'A', data: {} }], metadata);
      const error = await store.append(id, 0, [{ type: 'B', data: {} }], metadata).catch((e) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId: id, expectedVersion: 0, actualVersion: 1 });
      await expect(store.append(id, 5, [{ type: 'B', data: {} }], metadata)).rejects.toMatchObject({ actualVersion: 1 });
      await expect(store.append(id, 'any', [{ type: 'B', data: {} }], metadata)).resolves.toMatchObject({ nextExpectedVersion: 2 });
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B']);
    });

    it('reads a stream up to a version and up to an instant', async () => {
      const id = stream();
      await store.append(id, 0, [{ type: 'A', data: {} }], metadata);
      const first = (await store.readStream(id))[0].recordedAt;
      await new Promise((resolve) => setTimeout(resolve, 15));
      await store.append(
        id,
        1,
        [
          { type: 'B', data: {} },
          { type: 'C', data: {} },
        ],
        metadata,
      );
      expect((await store.readStream(id, { toVersion: 2 })).map((e) => e.type)).toEqual(['A', 'B']);
      expect((await store.readStream(id, { toInstant: first })).map((e) => e.type)).toEqual(['A']);
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('reads several streams at once, each in version order, in the order asked, up to an instant', async () => {
      const [a, b, missing] = [stream(), stream(), stream()];
      await store.append(
        a,
        0,
        [
          { type: 'A1', data: {} },
          { type: 'A2', data: {} },
        ],
        metadata,
      );
      await store.append(b, 0, [{ type: 'B1', data: {} }], metadata);
      const cut = new Date();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.append(a, 2, [{ type: 'A3', data: {} }], metadata);
      expect((await store.readStreams([b, missing, a])).map((e) => [e.streamId, e.type])).toEqual([
        [b, 'B1'],
        [a, 'A1'],
        [a, 'A2'],
        [a, 'A3'],
      ]);
      expect((await store.readStreams([a, b], { toInstant: cut })).map((e) => e.type)).toEqual(['A1', 'A2', 'B1']);
      expect(await store.readStreams([])).toEqual([]);
    });

    it('appends to many streams atomically', async () => {
      const [a, b] = [stream(), stream()];
      await store.append(b, 0, [{ type: 'Existing', data: {} }], metadata);
      await expect(
        store.appendMany(
          [
            { streamId: a, expectedVersion: 0, events: [{ type: 'X', data: {} }] },
            { streamId: b, expectedVersion: 0, events: [{ type: 'Y', data: {} }] },
          ],
          metadata,
        ),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream(a)).toEqual([]);
      const recorded = await store.appendMany(
        [
          { streamId: a, expectedVersion: 0, events: [{ type: 'X', data: {} }] },
          { streamId: b, expectedVersion: 1, events: [{ type: 'Y', data: {} }] },
        ],
        metadata,
      );
      expect(recorded.map((e) => [e.streamId, e.streamVersion])).toEqual([
        [a, 1],
        [b, 2],
      ]);
    });

    // readAll holds back events behind any transaction still open on the server (its snapshot
    // xmin is cluster-wide), so these tests wait for their own streams' events to appear.
    it('reads all events in commit order from a position', async () => {
      const id = stream();
      await store.append(
        id,
        0,
        [
          { type: 'A', data: { n: 1 } },
          { type: 'B', data: { n: 2 } },
        ],
        metadata,
      );
      const mine = await collect(store, START, [id], 2, 10);
      expect(mine.map((e) => e.type)).toEqual(['A', 'B']);
      const after = await store.readAll(mine[1].globalPosition, 1000);
      expect(after.events.filter((e) => e.streamId === id)).toEqual([]);
    });

    it('pages through all events with a limit, without repeats or gaps', async () => {
      const ids = [stream(), stream(), stream()];
      for (const [index, id] of ids.entries()) {
        await store.append(
          id,
          'no_stream',
          Array.from({ length: 3 }, (_, n) => ({ type: 'Paged', data: { stream: index, n } })),
          metadata,
        );
      }
      const seen = await collect(store, START, ids, 9, 4);
      expect(seen.map((e) => `${e.streamId}@${e.streamVersion}`)).toEqual(ids.flatMap((id) => [1, 2, 3].map((v) => `${id}@${v}`)));
    });

    it('keeps preset event ids and stores data and metadata as given', async () => {
      const id = stream();
      const eventId = randomUUID();
      const data = { name: 'Xã Quế Lộc', nested: { list: [1, 'hai', null, { z: true, a: 1.5 }] }, empty: {} };
      const [event] = (await store.append(id, 0, [{ type: 'UnitRenamed', data, eventId }], { ...metadata, causationId: eventId })).events;
      expect(event.eventId).toBe(eventId);
      const [read] = await store.readStream(id);
      expect(read).toEqual(event);
      expect(read.data).toEqual(data);
      expect(read.metadata).toEqual({ ...metadata, causationId: eventId });
    });

    it('a transaction commits its appends and idempotency record together, or neither', async () => {
      const [kept, undone] = [stream(), stream()];
      const step = (key: string) => ({ scope: 'acc-1', key, fingerprint: 'f1', step: 0 });
      await store.transaction(async (tx) => {
        await tx.store.append(kept, 0, [{ type: 'A', data: {} }], metadata);
        await tx.recordStep(step(kept), { streamId: kept, fromVersion: 0, toVersion: 1 });
      });
      const failed = await store
        .transaction(async (tx) => {
          await tx.store.append(undone, 0, [{ type: 'A', data: {} }], metadata);
          await tx.recordStep(step(undone), { streamId: undone, fromVersion: 0, toVersion: 1 });
          throw new Error('the work fails after appending');
        })
        .catch((error: Error) => error.message);
      expect(failed).toBe('the work fails after appending');
      expect((await store.readStream(kept)).map((e) => e.type)).toEqual(['A']);
      expect(await store.readStream(undone)).toEqual([]);
      expect(await store.appliedStep(step(kept))).toEqual({ streamId: kept, fromVersion: 0, toVersion: 1 });
      expect(await store.appliedStep(step(undone))).toBeNull();
      await expect(store.appliedStep({ ...step(kept), fingerprint: 'another request' })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    });

    it('chains hashes and verifies an untouched stream', async () => {
      const id = stream();
      await store.append(id, 0, [{ type: 'A', data: { x: 1 } }], metadata);
      await store.append(id, 1, [{ type: 'B', data: { y: [1, 2] } }], metadata);
      const [first, second] = await store.readStream(id);
      expect(first.previousHash).toBeNull();
      expect(second.previousHash).toBe(first.hash);
      expect(await store.verifyStream(id)).toEqual({ streamId: id, ok: true, checkedEvents: 2, firstBrokenVersion: null, reason: null });
    });
  });
}

/**
 * Pages through readAll (pages of `limit`) until `count` events of `streams` have been seen, or
 * 15 s pass; fails on a page larger than the limit or an event seen twice.
 */
async function collect(store: EventStore, from: GlobalPosition, streams: string[], count: number, limit: number): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  const ids = new Set<string>();
  const deadline = Date.now() + 15_000;
  let position = from;
  while (seen.length < count && Date.now() < deadline) {
    const page = await store.readAll(position, limit);
    expect(page.events.length).toBeLessThanOrEqual(limit);
    for (const event of page.events) {
      expect(ids.has(event.eventId)).toBe(false);
      ids.add(event.eventId);
      if (streams.includes(event.streamId)) seen.push(event);
    }
    position = page.position;
    if (page.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return seen;
}
