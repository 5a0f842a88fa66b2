import { testNatsUrl, uniqueName } from '@reform/testing';
import { describeMessageBusContract } from '../testing/message-bus.contract';
import { JetStreamBus } from './jetstream-bus';

describeMessageBusContract('NATS JetStream', async () => {
  const bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix: uniqueName('t') });
  return {
    bus,
    async dispose() {
      await bus.deleteStreams();
      await bus.close();
    },
  };
});
