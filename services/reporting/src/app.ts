import { INestApplication, Logger, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { limitRequestBodies } from '@reform/subgraph';
import { DataSource } from 'typeorm';
import { warnOnReadModelVersions } from '@reform/event-store';
import { ReportingModule, ReportingOptions } from './reporting.module';
import { reportingReadModels } from './read/read-models';

export interface ReportingAppOptions extends ReportingOptions {
  readonly port: number;
  readonly host?: string;
  readonly logger?: LoggerService | LogLevel[] | false;
}

/** Boots the reporting subgraph on `port` (embedded launcher, distributed main, tests). */
export async function createReportingApp(options: ReportingAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(ReportingModule.forRoot(options), { logger: options.logger ?? ['error', 'warn', 'log'] });
  limitRequestBodies(app);
  app.enableShutdownHooks();
  // Tables a rebuild filled with another projection version than this code's (ADR 0011).
  await warnOnReadModelVersions(app.get(DataSource), reportingReadModels, (line) => new Logger('ReadModels').warn(line));
  await app.listen(options.port, options.host ?? '127.0.0.1');
  return app;
}
