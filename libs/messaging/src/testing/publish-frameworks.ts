import { randomUUID } from 'node:crypto';
import { FrameworkVersionPublishedV1, TEST_FRAMEWORKS } from '@reform/contracts';
import { SYSTEM_ACTOR } from '@reform/event-store';
import { MessageBus } from '../lib/bus.port';
import { IntegrationMessage } from '../lib/message';

/** Publishes framework versions on `bus` as the scoring service's relay would (subject, contract, stream `framework-<code>`). */
export async function publishFrameworks(bus: MessageBus, frameworks: readonly FrameworkVersionPublishedV1[] = TEST_FRAMEWORKS): Promise<void> {
  for (const framework of frameworks) {
    const message: IntegrationMessage = {
      eventId: randomUUID(),
      name: FrameworkVersionPublishedV1.name,
      version: FrameworkVersionPublishedV1.version,
      subject: FrameworkVersionPublishedV1.subject,
      data: FrameworkVersionPublishedV1.validate(framework),
      metadata: {
        actor: SYSTEM_ACTOR,
        tenant: 'platform',
        correlationId: 'test-frameworks',
        causationId: null,
        recordedAt: new Date().toISOString(),
        stream: `framework-${framework.code}`,
        streamVersion: framework.version,
      },
    };
    await bus.publish(message);
  }
}
