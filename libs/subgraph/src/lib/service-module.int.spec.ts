import { DynamicModule, INestApplication, Inject, Module } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { accountAccessMigrations, Public } from '@reform/auth';
import { EVENT_STORE, EventStore, SYSTEM_ACTOR } from '@reform/event-store';
import { InProcessBus, messagingMigrations } from '@reform/messaging';
import { createTestDatabase, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase } from '@reform/testing';
import { createServiceApp, ServiceOptions, serviceModule } from './service-module';
import { subgraphTypes } from './subgraph-types';

/**
 * A new service as issue 14 wants it: its domain (here one resolver over its event store) and the
 * few lines of serviceModule, nothing copied from another service. It gets PostgreSQL with its
 * migrations, the event store, the bus, the subgraph, access, health and metrics.
 */
const NOTES_SCHEMA = 'notes';
const NOTES_GRAPHQL_TYPES = subgraphTypes('Notes');

@Resolver()
class NotesResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Public()
  @Mutation(() => Int)
  async addNote(@Args('text') text: string): Promise<number> {
    const result = await this.store.append(`note-${randomUUID()}`, 'no_stream', [{ type: 'NoteAdded', data: { text } }], {
      actor: SYSTEM_ACTOR,
      tenant: 'platform',
      correlationId: randomUUID(),
      causationId: null,
    });
    return result.nextExpectedVersion;
  }

  @Public()
  @Query(() => Int)
  async notes(): Promise<number> {
    return (await this.store.readAll({ transactionId: '0', position: '0' }, 1000)).events.length;
  }
}

@Module({})
class NotesModule {
  static forRoot(options: ServiceOptions): DynamicModule {
    return serviceModule(
      {
        name: 'notes',
        schema: NOTES_SCHEMA,
        module: NotesModule,
        graphqlTypes: NOTES_GRAPHQL_TYPES,
        migrations: () => [...messagingMigrations(NOTES_SCHEMA), ...accountAccessMigrations(NOTES_SCHEMA)],
        // No copy of the units: nobody's tenancy is checked here.
        access: () => ({ unitAncestry: { useValue: { ancestry: async () => null, inForce: async () => false } } }),
        providers: [NotesResolver],
      },
      options,
    );
  }
}

describe('serviceModule: a new service in a few lines', () => {
  let database: TestDatabase;
  let bus: InProcessBus;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase('service_module');
    bus = new InProcessBus();
    app = await createServiceApp(
      NotesModule.forRoot({ databaseUrl: database.url, bus, signingKeys: [...TEST_SIGNING_KEYS] }),
      { service: 'notes', schema: NOTES_SCHEMA, projections: [], notRebuilt: [] },
      { port: 0, logger: false },
    );
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await database?.drop();
  });

  it('serves its subgraph over its own event store', async () => {
    const client = new GraphQLTestClient(`${base}/graphql`);
    expect((await client.request<{ addNote: number }>('mutation { addNote(text: "một") }')).data).toEqual({ addNote: 1 });
    // readAll shows an event once no older transaction of the server is still open (its xmin cut):
    // another test's open transaction can hold it back for a moment.
    let notes: unknown;
    for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 100))) {
      notes = (await client.request<{ notes: number }>('{ notes }')).data;
      if ((notes as { notes?: number } | undefined)?.notes === 1) break;
    }
    expect(notes).toEqual({ notes: 1 });
    // Answers carry no ETag (nothing revalidates a POST; hashing each answer cost CPU).
    const answer = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ notes }' }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBeNull();
  });

  it('answers health and metrics like every other service', async () => {
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, nats: { status: 'up', bus: 'in-process' }, process: { status: 'up' } },
    });
    expect(await (await fetch(`${base}/health/live`)).json()).toMatchObject({ info: { process: { service: 'notes' } } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^reform_event_store_append_duration_seconds_count\{schema="notes",kind="stream"\} [1-9]/m);
    expect(metrics).toMatch(/^reform_http_request_duration_seconds_count\{service="notes",method="POST",path="\/graphql",status="200"\} [1-9]/m);
  });
});
