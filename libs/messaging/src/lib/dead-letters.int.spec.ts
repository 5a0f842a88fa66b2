import { testNatsUrl, uniqueName, eventually } from '@reform/testing';
import { JetStreamBus } from './jetstream-bus';
import { runDeadLettersCommand } from './dead-letters.cli';
import { testMessage } from '../testing/message-bus.contract';

describe('dead letters for operators (JetStream)', () => {
  const prefix = uniqueName('dl');
  let service: JetStreamBus;
  afterAll(async () => {
    await service.deleteStreams();
    await service.close();
  });

  it('lists a dead letter from another process and replays it so that only the failed consumer applies it again', async () => {
    service = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
    const applied = { healthy: [] as string[], fragile: [] as string[] };
    let fragileWorks = false;
    await service.subscribe({ consumer: 'healthy', subjects: ['directory.>'] }, async (m) => void applied.healthy.push(m.eventId));
    await service.subscribe({ consumer: 'fragile', subjects: ['directory.>'], maxDeliver: 2, retryDelayMs: 10 }, async (m) => {
      if (!fragileWorks) throw new Error('database unavailable');
      applied.fragile.push(m.eventId);
    });
    const message = testMessage();
    await service.publish(message);
    await eventually(async () => expect(await service.deadLetters('fragile')).toHaveLength(1));

    const lines: string[] = [];
    const env = { NATS_URL: testNatsUrl(), NATS_PREFIX: prefix };
    expect(await runDeadLettersCommand(['list'], env, (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toContain(`fragile\tdirectory.UnitRenamed ${message.eventId}\t2 attempts`);
    expect(lines[0]).toContain('database unavailable');
    const id = lines[0].split('\t')[0];

    fragileWorks = true;
    expect(await runDeadLettersCommand(['replay', id], env, (line) => lines.push(line))).toBe(0);
    await eventually(() => expect(applied.fragile).toEqual([message.eventId]));
    // The healthy consumer sees the message again; in a service its inbox drops it (same event id).
    await eventually(() => expect(applied.healthy).toEqual([message.eventId, message.eventId]));
    expect(await service.deadLetters()).toEqual([]);
    expect(await runDeadLettersCommand(['bogus'], env, () => undefined)).toBe(2);
  });
});
