import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AUDITOR_QUERIED_V1, AuditorQueriedV1 } from '@reform/contracts';
import { IntegrationMessage, OnIntegrationEvent } from '@reform/messaging';
import { DIRECTORY_SCHEMA as S } from '../../schema';

/**
 * The access record the platform administrator reads: every service's recorded auditor queries,
 * collected here (the inbox makes each message count once). Each service publishes on a subject
 * of its own, so each has its own durable consumer, `directory.access-record.<service>` (names
 * fixed), and handler, `from<Service>`: one per entry of AUDITOR_QUERIED_V1, made below, so a
 * service added there is collected with nothing to add here.
 */
@Injectable()
export class AccessRecordConsumer {}

for (const [service, contract] of Object.entries(AUDITOR_QUERIED_V1)) {
  const method = `from${service[0].toUpperCase()}${service.slice(1)}`;
  const descriptor: PropertyDescriptor = {
    value: (data: AuditorQueriedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> => keep(service, data, message, manager),
    writable: true,
    configurable: true,
  };
  Object.defineProperty(AccessRecordConsumer.prototype, method, descriptor);
  OnIntegrationEvent(contract, { consumer: `directory.access-record.${service}` })(AccessRecordConsumer.prototype, method, descriptor);
}

async function keep(service: string, data: AuditorQueriedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
  const { actor, recordedAt } = message.metadata;
  await manager.query(
    `INSERT INTO "${S}".access_record (event_id, service, recorded_at, account_id, username, unit_code, operation, field, arguments, operation_name, outcome)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (event_id) DO NOTHING`,
    [
      message.eventId,
      service,
      recordedAt,
      actor.accountId,
      actor.username,
      actor.unitCode,
      data.operation,
      data.field,
      JSON.stringify(data.arguments),
      data.operationName,
      data.outcome,
    ],
  );
}
