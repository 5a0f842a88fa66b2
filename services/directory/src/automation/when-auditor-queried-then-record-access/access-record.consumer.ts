import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AUDITOR_QUERIED_V1, AuditorQueriedV1 } from '@reform/contracts';
import { IntegrationMessage, OnIntegrationEvent } from '@reform/messaging';
import { DIRECTORY_SCHEMA as S } from '../../schema';

/**
 * The access record the platform administrator reads: every service's recorded auditor queries,
 * collected here (the inbox makes each message count once). Consumer names are fixed.
 */
@Injectable()
export class AccessRecordConsumer {
  @OnIntegrationEvent(AUDITOR_QUERIED_V1.directory, { consumer: 'directory.access-record.directory' })
  fromDirectory(data: AuditorQueriedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    return keep('directory', data, message, manager);
  }

  @OnIntegrationEvent(AUDITOR_QUERIED_V1.plans, { consumer: 'directory.access-record.plans' })
  fromPlans(data: AuditorQueriedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    return keep('plans', data, message, manager);
  }

  @OnIntegrationEvent(AUDITOR_QUERIED_V1.tasks, { consumer: 'directory.access-record.tasks' })
  fromTasks(data: AuditorQueriedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    return keep('tasks', data, message, manager);
  }

  @OnIntegrationEvent(AUDITOR_QUERIED_V1.reporting, { consumer: 'directory.access-record.reporting' })
  fromReporting(data: AuditorQueriedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    return keep('reporting', data, message, manager);
  }

  @OnIntegrationEvent(AUDITOR_QUERIED_V1.scoring, { consumer: 'directory.access-record.scoring' })
  fromScoring(data: AuditorQueriedV1, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    return keep('scoring', data, message, manager);
  }
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
