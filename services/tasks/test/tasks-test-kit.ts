import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { IntegrationEventContract, PlanIssuedV1, PublishedTask } from '@reform/contracts';
import { IntegrationMessage, MessageBus } from '@reform/messaging';
import { replicateTestUnits, SubgraphTestBed, subgraphUrlOf } from '@reform/subgraph/testing';
import { TEST_SIGNING_KEYS } from '@reform/testing';
import { TestUnit } from '@reform/unit-hierarchy';
import { createTasksApp, FixedClock, TASKS_SCHEMA } from '../src';

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
  return { app, url: await subgraphUrlOf(app), dataSource: app.get<DataSource>(getDataSourceToken()) };
}

type FanOut = { chunkSize?: number; pollMs?: number; retryDelayMs?: number; maxAttempts?: number };

/**
 * The tasks service on a database of its own with the in-process bus, the test units replicated,
 * and a client at its subgraph (sessions survive a restart). `start` in beforeAll, `stop` in afterAll.
 */
export class TasksTestBed extends SubgraphTestBed {
  constructor(
    name: string,
    readonly clock: FixedClock,
    fanOut: FanOut = {},
  ) {
    super(name, async (databaseUrl, bus) => (await startTasks(databaseUrl, bus, clock, fanOut)).app, { schema: TASKS_SCHEMA, units: UNITS });
  }
}

export const publishTestUnits = (bus: MessageBus, dataSource: DataSource): Promise<void> => replicateTestUnits(bus, dataSource, TASKS_SCHEMA, UNITS);

export { tokenFor, useTokens } from '@reform/subgraph/testing';

export async function count(dataSource: DataSource, sql: string, parameters: unknown[] = []): Promise<number> {
  const [row] = await dataSource.query(sql, parameters);
  return Number(Object.values(row)[0]);
}
