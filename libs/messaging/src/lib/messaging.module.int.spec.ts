import { Injectable, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { z } from 'zod';
import { defineContract } from '@reform/contracts';
import { EVENT_STORE, EventStoreModule, PostgresEventStore, SYSTEM_ACTOR, eventStoreMigrations } from '@reform/event-store';
import { createTestDatabase, eventually, TestDatabase } from '@reform/testing';
import { InProcessBus } from './in-process-bus';
import { IntegrationMessage } from './message';
import { MessagingModule, OnIntegrationEvent, RelayControl } from './messaging.module';
import { messagingMigrations } from './migrations';
import { toIntegrationMessage } from './outbox-relay';

const UnitRenamed = defineContract({
  service: 'nestdemo',
  aggregate: 'unit',
  eventType: 'UnitRenamed',
  version: 1,
  schema: z.object({ code: z.string(), name: z.string().min(1) }),
});

@Injectable()
class WhenUnitRenamedThenRecordName {
  @OnIntegrationEvent(UnitRenamed)
  async record(data: { code: string; name: string }, message: IntegrationMessage, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO nestdemo.names (code, name, event_id) VALUES ($1, $2, $3)`, [data.code, data.name, message.eventId]);
  }
}

describe('MessagingModule: declared handlers and the relay inside a Nest application', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  const bus = new InProcessBus();

  beforeAll(async () => {
    database = await createTestDatabase('nestmsg');
    @Module({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: database.url,
          migrations: [...eventStoreMigrations('nestdemo'), ...messagingMigrations('nestdemo')],
          migrationsRun: true,
        }),
        EventStoreModule.forService('nestdemo'),
        MessagingModule.forService({
          bus,
          service: 'nestdemo',
          schema: 'nestdemo',
          relayIdleMs: 10,
          publish: (event) => (event.type === 'UnitRenamed' ? toIntegrationMessage(event, UnitRenamed, event.data) : null),
        }),
      ],
      providers: [WhenUnitRenamedThenRecordName],
    })
    class AppModule {}
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    await app.get(EntityManager).query(`CREATE TABLE nestdemo.names (code text, name text, event_id uuid)`);
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await bus.close();
    await database.drop();
  });

  it('publishes appended events and applies each once, ignoring private events and refusing invalid payloads', async () => {
    const store = app.get<PostgresEventStore>(EVENT_STORE);
    const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'c', causationId: null };
    await store.append(
      'unit-513',
      0,
      [
        { type: 'UnitRenamed', data: { code: '513', name: 'Huyện Thăng Bình' } },
        { type: 'PrivateNoteAdded', data: {} },
      ],
      metadata,
    );
    await store.append('unit-514', 0, [{ type: 'UnitRenamed', data: { code: '514', name: '' } }], metadata);
    app.get(RelayControl).nudge(); // what a write side does after its commit
    const manager = app.get(EntityManager);
    await eventually(async () => expect(await manager.query(`SELECT code, name FROM nestdemo.names`)).toEqual([{ code: '513', name: 'Huyện Thăng Bình' }]));
    await eventually(async () => expect((await bus.deadLetters()).map((letter) => letter.message.data)).toEqual([{ code: '514', name: '' }]), {
      timeoutMs: 15_000,
    });
    expect((await bus.deadLetters())[0].error).toMatch(/nestdemo\.UnitRenamed\.v1: name: /);
    expect(await manager.query(`SELECT consumer FROM nestdemo.inbox`)).toEqual([{ consumer: 'nestdemo.WhenUnitRenamedThenRecordName.record' }]);
  });
});
