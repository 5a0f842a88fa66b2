import { randomUUID } from 'node:crypto';
import { MessageBus } from '../lib/bus.port';
import { IntegrationMessage } from '../lib/message';

/** A test message on `directory.unit.<type>`. */
export function testMessage(type = 'UnitRenamed', data: unknown = {}, eventId: string = randomUUID()): IntegrationMessage {
  return {
    eventId,
    name: `directory.${type}`,
    version: 1,
    subject: `directory.unit.${type}`,
    data,
    metadata: {
      actor: { accountId: 'system', username: 'system', unitCode: null },
      tenant: 'platform',
      correlationId: randomUUID(),
      causationId: null,
      recordedAt: new Date().toISOString(),
      stream: 'unit-513',
      streamVersion: 1,
    },
  };
}

async function until(probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * What every MessageBus adapter must do. `factory` gives a fresh bus per test with its own
 * namespace; `dispose` removes what it created.
 */
export function describeMessageBusContract(name: string, factory: () => Promise<{ bus: MessageBus; dispose(): Promise<void> }>): void {
  describe(`MessageBus contract: ${name}`, () => {
    let bus: MessageBus;
    let dispose: () => Promise<void>;
    beforeEach(async () => ({ bus, dispose } = await factory()));
    afterEach(() => dispose());

    it('delivers a published message to each consumer once', async () => {
      const a: string[] = [];
      const b: string[] = [];
      await bus.subscribe({ consumer: 'a', subjects: ['directory.>'] }, async (m) => void a.push(m.eventId));
      await bus.subscribe({ consumer: 'b', subjects: ['directory.unit.UnitRenamed'] }, async (m) => void b.push(m.eventId));
      const message = testMessage();
      await bus.publish(message);
      await until(() => a.length === 1 && b.length === 1);
      expect(a).toEqual([message.eventId]);
      expect(b).toEqual([message.eventId]);
    });

    it('delivers messages published before a durable consumer first subscribed', async () => {
      const early = testMessage();
      await bus.publish(early);
      const got: string[] = [];
      await bus.subscribe({ consumer: 'late', subjects: ['directory.>'] }, async (m) => void got.push(m.eventId));
      await until(() => got.length === 1);
      expect(got).toEqual([early.eventId]);
    });

    it('drops a repeated event id', async () => {
      const got: string[] = [];
      await bus.subscribe({ consumer: 'dedup', subjects: ['directory.>'] }, async (m) => void got.push(m.eventId));
      const message = testMessage();
      await bus.publish(message);
      await bus.publish(message);
      const marker = testMessage('Marker');
      await bus.publish(marker);
      await until(() => got.includes(marker.eventId));
      expect(got).toEqual([message.eventId, marker.eventId]);
    });

    it('keeps the order of one subject', async () => {
      const got: number[] = [];
      await bus.subscribe({ consumer: 'order', subjects: ['directory.unit.UnitRenamed'] }, async (m) => void got.push((m.data as { n: number }).n));
      for (let n = 0; n < 50; n++) await bus.publish(testMessage('UnitRenamed', { n }));
      await until(() => got.length === 50);
      expect(got).toEqual(Array.from({ length: 50 }, (_, n) => n));
    });

    it('redelivers a message whose handler failed, and stops once it succeeds', async () => {
      const attempts: number[] = [];
      const handled: string[] = [];
      await bus.subscribe({ consumer: 'retry', subjects: ['directory.>'], maxDeliver: 5, retryDelayMs: 10 }, async (m, { attempt }) => {
        if ((m.data as { flaky?: boolean }).flaky) {
          attempts.push(attempt);
          if (attempt === 1) throw new Error('transient failure');
        }
        handled.push(m.eventId);
      });
      const flaky = testMessage('UnitRenamed', { flaky: true });
      await bus.publish(flaky);
      await until(() => handled.includes(flaky.eventId));
      const marker = testMessage('Marker');
      await bus.publish(marker);
      await until(() => handled.includes(marker.eventId));
      expect(attempts).toEqual([1, 2]);
      expect(handled).toEqual([flaky.eventId, marker.eventId]);
      expect(await bus.deadLetters('retry')).toEqual([]);
    });

    it('redelivers after a failure, then dead-letters after maxDeliver attempts, and replays', async () => {
      const attempts: number[] = [];
      const handled: string[] = [];
      let healthy = false;
      await bus.subscribe({ consumer: 'fragile', subjects: ['directory.>'], maxDeliver: 3, retryDelayMs: 10 }, async (m, { attempt }) => {
        if ((m.data as { poison?: boolean }).poison && !healthy) {
          attempts.push(attempt);
          throw new Error('cannot handle this yet');
        }
        handled.push(m.eventId);
      });
      const flaky = testMessage('UnitRenamed', { poison: true });
      await bus.publish(flaky);
      await until(() => attempts.length === 3);
      let letters = await bus.deadLetters('fragile');
      for (let i = 0; i < 100 && letters.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        letters = await bus.deadLetters('fragile');
      }
      expect(attempts).toEqual([1, 2, 3]);
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ consumer: 'fragile', attempts: 3, error: 'cannot handle this yet' });
      expect(letters[0].message.eventId).toBe(flaky.eventId);
      expect(handled).toEqual([]);
      healthy = true;
      await bus.replayDeadLetter(letters[0].id);
      expect(handled).toEqual([flaky.eventId]);
      expect(await bus.deadLetters('fragile')).toEqual([]);
      await expect(bus.replayDeadLetter(letters[0].id)).rejects.toThrow(/No dead letter/);
    });

    it('resumes a stopped durable consumer where it left off', async () => {
      const got: string[] = [];
      const first = await bus.subscribe({ consumer: 'resume', subjects: ['directory.>'] }, async (m) => void got.push(m.eventId));
      const one = testMessage();
      await bus.publish(one);
      await until(() => got.length === 1);
      await first.stop();
      const two = testMessage();
      await bus.publish(two);
      await bus.subscribe({ consumer: 'resume', subjects: ['directory.>'] }, async (m) => void got.push(m.eventId));
      await until(() => got.length === 2);
      expect(got).toEqual([one.eventId, two.eventId]);
    });
  });
}
