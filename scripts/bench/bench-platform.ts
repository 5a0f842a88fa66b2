/**
 * What the benches that start the embedded composition share: the platform on a fresh database
 * of the local PostgreSQL (TEST_POSTGRES_URL) as the e2e tests start it, closed and dropped once
 * (also on Ctrl-C, so an interrupted bench leaves no database behind), the load average and the
 * machine they print beside their figures, and how a bench's main ends.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { InProcessBus } from '@reform/messaging';
import { PlatformOptions, RunningPlatform, startPlatform } from '@reform/platform';
import { createTestDatabase, GraphQLTestClient, TestDatabase } from '@reform/testing';
import { TEST_COMPOSITION } from '../../infra/platform/test/test-platform';

/** The 1, 5 and 15 minute load averages, as the benches print them. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** The machine a bench ran on, with the load average at its start. */
export function describeMachine(): string {
  const cpus = os.cpus();
  return `machine: ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, load average at the start ${loadAverage()}`;
}

export interface BenchPlatform {
  readonly database: TestDatabase;
  readonly bus: InProcessBus;
  readonly platform: RunningPlatform;
  /** How long `startPlatform` took (the database's creation not included). */
  readonly startMs: number;
  /** Closes the platform and the bus and drops the database; once, however often called. */
  close(): Promise<void>;
}

type BenchOptions = Partial<Omit<PlatformOptions, 'databaseUrl' | 'bus'>>;

/**
 * `startPlatform` composed as the e2e tests compose it (TEST_COMPOSITION: the national list and the
 * demo unless `options` say otherwise, the test signing keys, a gateway on a free port), on a
 * database named after `name`. `options` may be made from the database, for a bench that watches
 * it while the platform starts.
 */
export async function startBenchPlatform(name: string, options: BenchOptions | ((database: TestDatabase) => BenchOptions) = {}): Promise<BenchPlatform> {
  const database = await createTestDatabase(name);
  const bus = new InProcessBus();
  let platform: RunningPlatform | null = null;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      process.removeListener('SIGINT', interrupted);
      process.removeListener('SIGTERM', interrupted);
      await platform?.close().catch((error) => console.error('closing the platform:', error));
      await bus.close().catch((error) => console.error('closing the bus:', error));
      await database.drop().catch((error) => console.error(`dropping ${database.name}:`, error));
    })());
  const interrupted = () => {
    console.error('\ninterrupted: closing the platform and dropping the database');
    void close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const begun = performance.now();
  try {
    platform = await startPlatform({ databaseUrl: database.url, bus, ...TEST_COMPOSITION, ...(typeof options === 'function' ? options(database) : options) });
  } catch (error) {
    await close();
    throw error;
  }
  return { database, bus, platform, startMs: performance.now() - begun, close };
}

/** The gateway as a bench asks it: an answer with errors (or none) throws, so no figure is measured on refusals. */
export class Gateway {
  constructor(
    private readonly client: GraphQLTestClient,
    private readonly token?: string,
  ) {}

  async query<Data>(query: string, variables?: Record<string, unknown>, token = this.token): Promise<Data> {
    const result = await this.client.request<Data>(query, variables, token);
    if (result.errors?.length || !result.data) throw new Error(`gateway: ${JSON.stringify(result.errors ?? result)}`);
    return result.data;
  }
}

/** Runs a bench's main: the process ends when it does (a handle left open does not hold it), 1 on an error. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** What differs between the benches' plans: their number, title and issuer, and their tasks' texts. */
export interface BenchPlan {
  readonly number: string;
  readonly title: string;
  readonly issuerCode: string;
  readonly year: number;
  readonly tasks: number;
  readonly taskText: (index: number) => string;
  readonly target: string;
  readonly lead: string;
  readonly implementing: string;
}

/**
 * The draft input of a bench plan: one section of `tasks` tasks for the communes, each with the
 * same lead and implementing units and due in December, so every task fans out the same way.
 */
export const benchPlanInput = (plan: BenchPlan) => ({
  number: plan.number,
  title: plan.title,
  issuerCode: plan.issuerCode,
  year: plan.year,
  frameworks: ['PAR_INDEX'],
  sections: [
    {
      code: 'I',
      title: 'Nhiệm vụ giao các xã, phường, thị trấn',
      tasks: Array.from({ length: plan.tasks }, (_, i) => ({
        text: plan.taskText(i),
        target: plan.target,
        lead: { text: plan.lead },
        implementing: { text: plan.implementing },
        timeframe: `Tháng 12/${plan.year}`,
      })),
    },
  ],
});
