import { eventually, testNatsUrl, uniqueName } from '@reform/testing';
import { testMessage } from '../testing/message-bus.contract';
import { JetStreamBus } from './jetstream-bus';

/**
 * A database outage is not the message's fault (issue 13): a handler that fails with a
 * connection error keeps its message (JetStream is told it is still being worked on) and tries
 * again until the database is back, instead of spending its attempts and becoming a dead letter.
 */
describe('JetStream consumers wait out a database outage', () => {
  const prefix = uniqueName('outage');
  let bus: JetStreamBus;
  afterAll(async () => {
    await bus.deleteStreams();
    await bus.close();
  });

  it('applies the message once the database answers again, with no dead letter', async () => {
    bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
    let failures = 0;
    const applied: string[] = [];
    await bus.subscribe({ consumer: 'patient', subjects: ['directory.>'], maxDeliver: 2, retryDelayMs: 10 }, async (message) => {
      if (failures < 6) {
        failures++;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }
      applied.push(message.eventId);
    });
    const message = testMessage();
    await bus.publish(message);
    await eventually(() => expect(applied).toEqual([message.eventId]), { timeoutMs: 30_000 });
    expect(failures).toBe(6);
    expect(await bus.deadLetters()).toEqual([]);
  });

  it('a refusal that is not an outage still becomes a dead letter after maxDeliver attempts', async () => {
    await bus.subscribe({ consumer: 'refuses', subjects: ['directory.>'], maxDeliver: 2, retryDelayMs: 10 }, async () => {
      throw new Error('payload refused');
    });
    await eventually(async () => expect((await bus.deadLetters('refuses')).length).toBeGreaterThanOrEqual(1), { timeoutMs: 30_000 });
  });
});
