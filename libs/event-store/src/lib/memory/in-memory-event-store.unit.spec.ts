import { describeEventStoreContract } from '../../testing/event-store.contract';
import { START, SYSTEM_ACTOR, WrongExpectedVersionError } from '../event-store.port';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in memory', async () => ({ store: new InMemoryEventStore(), close: async () => undefined }));

describe('InMemoryEventStore, beyond the contract', () => {
  const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'c', causationId: null };

  it('keeps stored events from the caller: changing what was read or appended changes nothing', async () => {
    const store = new InMemoryEventStore();
    const data = { list: [1, 2] };
    const { events } = await store.append('s', 0, [{ type: 'A', data }], metadata);
    data.list.push(3);
    (events[0].data as { list: number[] }).list.push(4);
    const [read] = await store.readStream('s');
    (read.data as { list: number[] }).list.push(5);
    expect((await store.readStream('s'))[0].data).toEqual({ list: [1, 2] });
    expect((await store.verifyStream('s')).ok).toBe(true);
  });

  it('refuses a batch as a whole when one stream conflicts, and orders commits numerically past 9 and 99', async () => {
    const store = new InMemoryEventStore();
    for (let n = 0; n < 120; n++) await store.append(`s-${n}`, 0, [{ type: 'A', data: { n } }], metadata);
    await expect(
      store.appendMany(
        [
          { streamId: 'new', expectedVersion: 0, events: [{ type: 'X', data: {} }] },
          { streamId: 's-1', expectedVersion: 0, events: [{ type: 'Y', data: {} }] },
        ],
        metadata,
      ),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await store.readStream('new')).toEqual([]);
    const seen: number[] = [];
    let position = START;
    for (;;) {
      const page = await store.readAll(position, 7);
      seen.push(...page.events.map((e) => (e.data as { n: number }).n));
      if (page.events.length < 7) break;
      position = page.position;
    }
    expect(seen).toEqual(Array.from({ length: 120 }, (_, n) => n));
  });
});
