import { Controller, Get, HttpException, HttpStatus, Inject, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
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

const CHECK_TIMEOUT_MS = 3_000;

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * Whether the service can do its work now: PostgreSQL answers, the bus reaches JetStream (the
 * in-process bus always does), and the process guard caught no unhandled rejection. Each check
 * says what it found; any failure makes the whole answer "unavailable".
 */
export async function readinessOf(service: string, dataSource: DataSource, bus: MessageBus | null): Promise<Readiness> {
  const check = async (work: () => Promise<unknown>, what: string) => {
    try {
      await within(work(), CHECK_TIMEOUT_MS, what);
      return 'ok';
    } catch (error) {
      return `failing: ${(error as Error).message}`;
    }
  };
  const [postgres, nats] = await Promise.all([check(() => dataSource.query('SELECT 1'), 'PostgreSQL'), check(async () => bus?.ping?.(), 'NATS')]);
  const faults = processFaults();
  const processCheck = faults.length ? `failing: ${faults.length} unhandled rejection(s), last at ${faults[faults.length - 1].at}: ${faults[faults.length - 1].message}` : 'ok';
  const ok = [postgres, nats, processCheck].every((value) => value === 'ok');
  return { status: ok ? 'ok' : 'unavailable', service, checks: { postgres, nats, process: processCheck } };
}

/**
 * GET /health of a service: 200 with the checks when ready, 503 with the same body when not
 * (docker-compose's healthcheck and the launcher read the status code).
 */
export function healthController(service: string): Type<unknown> {
  @Controller('health')
  class HealthController {
    constructor(
      @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
      @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    ) {}

    @Public()
    @Get()
    async health(): Promise<Readiness> {
      const readiness = await readinessOf(service, this.dataSource, this.bus);
      if (readiness.status !== 'ok') throw new HttpException(readiness, HttpStatus.SERVICE_UNAVAILABLE);
      return readiness;
    }
  }
  return HealthController;
}
