import { Upcasters } from '@reform/decider';
import { tallyDecider, TallyCommand } from '../testing/tally.decider';
import { handleCommand } from './command-handler';
import { SYSTEM_ACTOR, WrongExpectedVersionError } from './event-store.port';
import { historyOf, stateAsOf } from './history';
import { withIdempotencyKey } from './idempotency';
import { InMemoryEventStore } from './memory/in-memory-event-store';

const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'cmd', causationId: null };
const add = (by: number): TallyCommand => ({ type: 'AddToTally', data: { by } });

/** handleCommand on the port, without a database: the in-memory adapter. */
describe('handleCommand in memory', () => {
  it('reads the stream once, decides against it and appends at the version read', async () => {
    const store = new InMemoryEventStore();
    const reads = jest.spyOn(store, 'readStream');
    await handleCommand({ store, decider: tallyDecider, streamId: 't', command: add(2), metadata });
    const seen: number[] = [];
    const handled = await handleCommand({
      store,
      decider: tallyDecider,
      streamId: 't',
      // Built from the state it is decided against (where a use case checks access on it).
      command: (state) => (seen.push(state.total), add(3)),
      metadata: (past, state) => ({ ...metadata, causationId: past[past.length - 1].eventId, tenant: `total-${state.total}` }),
    });
    expect(reads).toHaveBeenCalledTimes(2);
    expect(seen).toEqual([2]);
    expect(handled).toMatchObject({ state: { total: 5 }, version: 2, attempts: 1 });
    const [, second] = await store.readStream('t');
    expect(second.metadata.tenant).toBe('total-2');
  });

  it('decides again on the new state when another writer appended after the read', async () => {
    const store = new InMemoryEventStore();
    let interloper = true;
    const handled = await handleCommand({
      store,
      decider: tallyDecider,
      streamId: 't',
      command: async (state) => {
        if (interloper) {
          interloper = false;
          await store.append('t', 0, [{ type: 'TallyIncreased', data: { by: 10 } }], metadata);
        }
        return state.total >= 10 ? { type: 'CloseTally', data: {} } : add(1);
      },
      metadata,
    });
    expect(handled.attempts).toBe(2);
    expect((await store.readStream('t')).map((e) => e.type)).toEqual(['TallyIncreased', 'TallyClosed']);
  });

  it('gives up after maxRetries conflicts with the conflict', async () => {
    const store = new InMemoryEventStore();
    const command = async () => (await store.append('t', 'any', [{ type: 'TallyIncreased', data: { by: 1 } }], metadata), add(1));
    await expect(handleCommand({ store, decider: tallyDecider, streamId: 't', command, metadata, maxRetries: 2 })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
  });

  it('applies a request with an idempotency key once, and answers its retry with the first result', async () => {
    const store = new InMemoryEventStore();
    const once = () =>
      withIdempotencyKey({ scope: 'acc', key: 'k-1', fingerprint: 'f' }, () =>
        handleCommand({ store, decider: tallyDecider, streamId: 't', command: add(4), metadata }),
      );
    const first = await once();
    const retry = await once();
    expect(retry).toMatchObject({ replayed: true, version: 1, state: { total: 4 } });
    expect(retry.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
    expect(await store.readStream('t')).toHaveLength(1);
  });

  it('folds stored events through the upcasters, and writes new ones at the current version', async () => {
    // v1 of TallyIncreased recorded `step`; v2 calls it `by`.
    const upcasters = new Upcasters([{ type: 'TallyIncreased', fromVersion: 1, upcast: (data) => ({ by: (data as { step: number }).step }) }]);
    const store = new InMemoryEventStore();
    await store.append('t', 0, [{ type: 'TallyIncreased', data: { step: 5 }, schemaVersion: 1 }], metadata);
    const handled = await handleCommand({ store, decider: tallyDecider, streamId: 't', command: add(1), metadata, upcasters });
    expect(handled.state.total).toBe(6);
    expect((await store.readStream('t')).map((e) => [e.schemaVersion, e.data])).toEqual([
      [1, { step: 5 }],
      [2, { by: 1 }],
    ]);
    expect(historyOf(tallyDecider, await store.readStream('t'), upcasters).map((entry) => [entry.data, entry.state.total])).toEqual([
      [{ by: 5 }, 5],
      [{ by: 1 }, 6],
    ]);
    expect((await stateAsOf(store, tallyDecider, 't', new Date(), upcasters)).total).toBe(6);
  });
});

describe('Upcasters', () => {
  const upcasters = new Upcasters([
    { type: 'E', fromVersion: 1, upcast: (data) => ({ ...(data as object), b: 2 }) },
    { type: 'E', fromVersion: 2, upcast: (data) => ({ ...(data as object), c: 3 }) },
  ]);
  it('chains from the stored version to the current one, by type and version', () => {
    expect(upcasters.currentVersion('E')).toBe(3);
    expect(upcasters.currentVersion('Other')).toBe(1);
    expect(upcasters.upcast({ type: 'E', schemaVersion: 1, data: { a: 1 } })).toEqual({ type: 'E', schemaVersion: 3, data: { a: 1, b: 2, c: 3 } });
    expect(upcasters.upcast({ type: 'E', schemaVersion: 2, data: { a: 1 } })).toEqual({ type: 'E', schemaVersion: 3, data: { a: 1, c: 3 } });
    expect(upcasters.upcast({ type: 'Other', schemaVersion: 1, data: { a: 1 } }).data).toEqual({ a: 1 });
  });
  it('refuses a version newer than the code knows, and two upcasters from one version', () => {
    expect(() => upcasters.upcast({ type: 'E', schemaVersion: 4, data: {} })).toThrow('newer');
    expect(
      () =>
        new Upcasters([
          { type: 'E', fromVersion: 1, upcast: (d) => d },
          { type: 'E', fromVersion: 1, upcast: (d) => d },
        ]),
    ).toThrow('Two upcasters');
  });
});
