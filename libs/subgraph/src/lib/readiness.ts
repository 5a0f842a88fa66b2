import { Controller, Get, Inject, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '@reform/auth';
import { processFaults } from '@reform/config';
import { MESSAGE_BUS, MessageBus } from '@reform/messaging';

export interface Readiness {
  readonly status: 'ok' | 'unavailable';
  readonly service: string;
  readonly checks: {
    readonly postgres: string;
    readonly nats: string;
    readonly process: string;
  };
}

/**
 * Per check. Under the 5 s an operator may expect readiness to turn after PostgreSQL or NATS goes
 * away: a JetStream request to a vanished server waits for its own timeout (5 s) otherwise.
 */
const CHECK_TIMEOUT_MS = 2_000;

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/** 'ok' or `failing: <why>` for each of the three things a service needs to do its work. */
async function probe(dataSource: DataSource, bus: MessageBus | null): Promise<Readiness['checks']> {
  const check = async (work: () => Promise<unknown>, what: string) => {
    try {
      await within(work(), CHECK_TIMEOUT_MS, what);
      return 'ok';
    } catch (error) {
      return `failing: ${(error as Error).message}`;
    }
  };
  // The in-process bus of the embedded mode has no broker to reach: it answers while the process runs.
  const [postgres, nats] = await Promise.all([check(() => dataSource.query('SELECT 1'), 'PostgreSQL'), check(async () => bus?.ping?.(), 'NATS')]);
  const faults = processFaults();
  const processCheck = faults.length
    ? `failing: ${faults.length} unhandled rejection(s), last at ${faults[faults.length - 1].at}: ${faults[faults.length - 1].message}`
    : 'ok';
  return { postgres, nats, process: processCheck };
}

/**
 * Whether the service can do its work now: PostgreSQL answers, the bus reaches JetStream (the
 * in-process bus always does), and the process guard caught no unhandled rejection. Each check
 * says what it found; any failure makes the whole answer "unavailable".
 */
export async function readinessOf(service: string, dataSource: DataSource, bus: MessageBus | null): Promise<Readiness> {
  const checks = await probe(dataSource, bus);
  const ok = Object.values(checks).every((value) => value === 'ok');
  return { status: ok ? 'ok' : 'unavailable', service, checks };
}

/** The same checks as @nestjs/terminus indicators: `up`, or `down` with the reason. */
export function readinessIndicators(
  indicators: HealthIndicatorService,
  dataSource: DataSource,
  bus: MessageBus | null,
): Array<() => Promise<HealthIndicatorResult>> {
  const checks = probe(dataSource, bus);
  const indicator = (key: keyof Readiness['checks']) => async () => {
    const found = (await checks)[key];
    const session = indicators.check(key);
    return found === 'ok'
      ? session.up(key === 'nats' && !bus?.ping ? { bus: 'in-process' } : undefined)
      : session.down({ message: found.replace(/^failing: /, '') });
  };
  return [indicator('postgres'), indicator('nats'), indicator('process')];
}

/**
 * A service's health endpoints (@nestjs/terminus; docs/operations.md):
 * - GET /health/live: the process answers HTTP (no dependency checked: restarting the process
 *   cures no outage of PostgreSQL or NATS);
 * - GET /health/ready, and GET /health as before: PostgreSQL, NATS (in the embedded mode the
 *   in-process bus) and the process guard; 200 when all are up, 503 naming what is down
 *   (docker-compose's healthcheck and the launcher read the status code).
 */
export function healthController(service: string): Type<unknown> {
  @Controller('health')
  class HealthController {
    constructor(
      private readonly health: HealthCheckService,
      private readonly indicators: HealthIndicatorService,
      @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
      @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    ) {}

    @Public()
    @Get('live')
    @HealthCheck()
    live(): Promise<HealthCheckResult> {
      return this.health.check([async () => this.indicators.check('process').up({ service, uptimeSeconds: Math.round(process.uptime()) })]);
    }

    @Public()
    @Get(['', 'ready'])
    @HealthCheck()
    ready(): Promise<HealthCheckResult> {
      return this.health.check(readinessIndicators(this.indicators, this.dataSource, this.bus));
    }
  }
  return HealthController;
}
