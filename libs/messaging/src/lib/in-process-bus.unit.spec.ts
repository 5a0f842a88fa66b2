import { describeMessageBusContract } from '../testing/message-bus.contract';
import { InProcessBus } from './in-process-bus';

describeMessageBusContract('in-process', async () => {
  const bus = new InProcessBus();
  return { bus, dispose: () => bus.close() };
});

describe('in-process bus: batches', () => {
  const message = (n: number, subject = 'directory.unit.UnitEstablished') => ({
    eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: subject.replace(/^(\w+)\.\w+\./, '$1.'),
    version: 1,
    subject,
    data: { n },
    metadata: {
      actor: { accountId: 'system', username: 'system', unitCode: null },
      tenant: 'platform',
      correlationId: 'c',
      causationId: null,
      recordedAt: new Date(0).toISOString(),
      stream: `s-${n}`,
      streamVersion: 1,
    },
  });

  it('hands over up to maxBatch matching messages per call, in order, skipping other subjects', async () => {
    const bus = new InProcessBus();
    for (let n = 1; n <= 7; n++) await bus.publish(message(n, n === 4 ? 'directory.account.AccountCreated' : 'directory.unit.UnitEstablished'));
    const calls: number[][] = [];
    const sub = await bus.subscribeBatch({ consumer: 'batcher', subjects: ['directory.unit.>'], maxBatch: 3 }, async (messages) => {
      calls.push(messages.map((m) => (m.data as { n: number }).n));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([
      [1, 2, 3],
      [5, 6, 7],
    ]);
    await sub.stop();
    await bus.close();
  });

  it('retries a failed batch message by message, so only the poison message becomes a dead letter', async () => {
    const bus = new InProcessBus();
    for (let n = 1; n <= 3; n++) await bus.publish(message(n));
    const handled: number[] = [];
    const sub = await bus.subscribeBatch(
      { consumer: 'fragile', subjects: ['directory.unit.>'], maxBatch: 10, maxDeliver: 2, retryDelayMs: 1 },
      async (messages) => {
        if (messages.some((m) => (m.data as { n: number }).n === 2)) throw new Error('cannot handle 2');
        handled.push(...messages.map((m) => (m.data as { n: number }).n));
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(handled).toEqual([1, 3]);
    expect((await bus.deadLetters('fragile')).map((letter) => (letter.message.data as { n: number }).n)).toEqual([2]);
    await sub.stop();
    await bus.close();
  });
});
