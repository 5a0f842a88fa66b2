import { describeMessageBusContract } from '../testing/message-bus.contract';
import { InProcessBus } from './in-process-bus';

describeMessageBusContract('in-process', async () => {
  const bus = new InProcessBus();
  return { bus, dispose: () => bus.close() };
});
