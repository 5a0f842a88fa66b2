import { OwnNats, startOwnNats } from '@reform/testing';
import { JetStreamBus } from './jetstream-bus';

/**
 * A NATS of its own, stopped before anyone connects (never the shared one, ADR 0005): a service
 * started while NATS is down waits for it; an operator's command fails at once.
 */
describe('JetStreamBus.connect while NATS is down', () => {
  let nats: OwnNats;

  beforeAll(async () => {
    nats = await startOwnNats();
    await nats.kill();
  });
  afterAll(async () => {
    await nats?.destroy();
  });

  it('fails at once by default, as an operator command should', async () => {
    await expect(JetStreamBus.connect({ servers: nats.url })).rejects.toThrow();
  });

  it('waits with waitForServer (a service at start) and connects once NATS is up, with JetStream usable', async () => {
    let connected = false;
    const waiting = JetStreamBus.connect({ servers: nats.url, waitForServer: true, prefix: 'firstconnect' }).then((bus) => {
      connected = true;
      return bus;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(connected).toBe(false);
    await nats.start();
    const bus = await waiting;
    try {
      expect(await bus.ping()).toBeUndefined();
    } finally {
      await bus.close();
    }
  }, 30_000);
});
