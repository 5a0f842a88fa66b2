import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { IntegrationEventContract, PlanIssuedV1, PublishedTask } from '@reform/contracts';
import { Identity, Role, TokenService } from '@reform/auth';
import { InProcessBus, IntegrationMessage, MessageBus } from '@reform/messaging';
import { createTestDatabase, eventually, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase } from '@reform/testing';
import { publishUnits, TestUnit } from '@reform/unit-hierarchy';
import { createTasksApp, FixedClock } from '../src';

/** Province 49; district 600 with 20 communes and an office; district 601 with one commune. */
export const COMMUNES = Array.from({ length: 20 }, (_, i) => String(60001 + i));
export const UNITS: TestUnit[] = [
  { code: '49', name: 'Tỉnh Quảng Nam', level: 'PROVINCE', parentCode: null },
  { code: '600', name: 'Huyện Thử Nghiệm', level: 'DISTRICT', parentCode: '49' },
  { code: '600.PNV', name: 'Phòng Nội vụ', level: 'AGENCY', kind: 'Phòng', parentCode: '600' },
  ...COMMUNES.map((code): TestUnit => ({ code, name: `Xã ${code}`, level: 'COMMUNE', parentCode: '600' })),
  { code: '601', name: 'Huyện Bên Cạnh', level: 'DISTRICT', parentCode: '49' },
  { code: '60101', name: 'Xã 60101', level: 'COMMUNE', parentCode: '601' },
];

export function message<Data>(contract: IntegrationEventContract<Data>, data: Data, stream: string, eventId: string = randomUUID()): IntegrationMessage<Data> {
  return {
    eventId,
    name: contract.name,
    version: contract.version,
    subject: contract.subject,
    data,
    metadata: {
      actor: { accountId: 'a-600', username: 'd600', unitCode: '600' },
      tenant: '600',
      correlationId: `corr-${eventId}`,
      causationId: null,
      recordedAt: new Date().toISOString(),
      stream,
      streamVersion: 1,
    },
  };
}

export function task(taskId: string, overrides: Partial<PublishedTask> = {}): PublishedTask {
  return {
    taskId,
    sectionCode: 'PAPI 2.1',
    text: `Nhiệm vụ ${taskId}`,
    target: null,
    timeframe: { kind: 'due', text: 'Trước ngày 30/6/2025', on: '2025-06-30' },
    dueOn: '2025-06-30',
    lead: [],
    implementing: COMMUNES,
    monitoring: ['600.PNV'],
    expectedResult: null,
    ...overrides,
  };
}

export function plan(overrides: Partial<PlanIssuedV1> = {}): PlanIssuedV1 {
  return {
    planId: `plan-${randomUUID()}`,
    number: '15/KH-UBND',
    title: 'Kế hoạch nâng cao chỉ số PAPI năm 2025',
    issuerCode: '600',
    issuedOn: '2025-03-01',
    year: 2025,
    implementsPlanId: null,
    tasks: [task('t1', { lead: ['600.PNV'] }), task('t2', { timeframe: { kind: 'ongoing', text: 'Thường xuyên' }, dueOn: null })],
    cascade: null,
    ...overrides,
  };
}

export async function startTasks(
  databaseUrl: string,
  bus: MessageBus,
  clock: FixedClock,
  fanOut: FanOut = {},
): Promise<{ app: INestApplication; url: string; dataSource: DataSource }> {
  const app = await createTasksApp({
    databaseUrl,
    bus,
    signingKeys: [...TEST_SIGNING_KEYS],
    port: 0,
    logger: ['error'],
    clock,
    overdue: { intervalMs: 0 },
    fanOut: { pollMs: 50, retryDelayMs: 100, ...fanOut },
  });
  return { app, url: `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`, dataSource: app.get<DataSource>(getDataSourceToken()) };
}

type FanOut = { chunkSize?: number; pollMs?: number; retryDelayMs?: number; maxAttempts?: number };

/**
 * The tasks service on a database of its own with the in-process bus, the test units replicated,
 * and a client at its subgraph (sessions survive a restart). `start` in beforeAll, `stop` in afterAll.
 */
export class TasksTestBed {
  readonly bus = new InProcessBus();
  db!: TestDatabase;
  app!: INestApplication;
  dataSource!: DataSource;
  client!: GraphQLTestClient;

  constructor(
    private readonly name: string,
    readonly clock: FixedClock,
    private readonly fanOut: FanOut = {},
  ) {}

  async start(): Promise<this> {
    this.db = await createTestDatabase(this.name);
    await this.boot();
    await publishTestUnits(this.bus, this.dataSource);
    return this;
  }

  /** Closes the app and starts it again on the same database and bus. */
  async restart(): Promise<void> {
    await this.app.close();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.bus.close();
    await this.db?.drop();
  }

  private async boot(): Promise<void> {
    ({ app: this.app, dataSource: this.dataSource } = await startTasks(this.db.url, this.bus, this.clock, this.fanOut));
    const url = `${(await this.app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
    this.client = this.client ? this.client.at(url) : new GraphQLTestClient(url);
  }
}

export async function publishTestUnits(bus: MessageBus, dataSource: DataSource): Promise<void> {
  await publishUnits(bus, UNITS);
  await eventually(async () => {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM tasks.units`);
    expect(row.n).toBe(UNITS.length);
  });
}

const tokens = new TokenService([...TEST_SIGNING_KEYS]);
export async function tokenFor(username: string, grants: Array<[Role, string]>): Promise<string> {
  const identity: Identity = { accountId: `acc-${username}`, username, unitCode: grants[0][1], roles: grants.map(([role, unitCode]) => ({ role, unitCode })) };
  return (await tokens.issue(identity)).token;
}

/** Minted tokens for the given users, in the client (the tasks service has no login of its own). */
export async function useTokens(client: GraphQLTestClient, users: Record<string, Array<[Role, string]>>): Promise<void> {
  for (const [username, grants] of Object.entries(users)) client.useToken(username, await tokenFor(username, grants));
}

export async function count(dataSource: DataSource, sql: string, parameters: unknown[] = []): Promise<number> {
  const [row] = await dataSource.query(sql, parameters);
  return Number(Object.values(row)[0]);
}
