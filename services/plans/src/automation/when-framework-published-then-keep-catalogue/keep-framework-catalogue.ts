import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FrameworkVersionPublishedV1 } from '@reform/contracts';
import { OnIntegrationEvent } from '@reform/messaging';
import { keepFrameworkVersion } from '../../read/frameworks/framework-replica';

/**
 * The scoring service owns the framework catalogue (ADR 0034); the plans service keeps a copy of
 * every published version, in the inbox's transaction (a message is applied once), to check the
 * indicators plans cite and to name them.
 */
@Injectable()
export class KeepFrameworkCatalogue {
  // The consumer name is fixed: renaming the method must not start a new durable consumer.
  @OnIntegrationEvent(FrameworkVersionPublishedV1, { consumer: 'plans.framework-catalogue' })
  async receive(published: FrameworkVersionPublishedV1, _message: unknown, manager: EntityManager): Promise<void> {
    await keepFrameworkVersion(manager, published);
  }
}
