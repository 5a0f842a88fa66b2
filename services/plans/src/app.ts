import { INestApplication, Logger, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { limitRequestBodies } from '@reform/subgraph';
import { DataSource } from 'typeorm';
import { warnOnReadModelVersions } from '@reform/event-store';
import { PlansModule, PlansOptions } from './plans.module';
import { plansReadModels } from './read/read-models';

export interface PlansAppOptions extends PlansOptions {
  readonly port: number;
  readonly host?: string;
  readonly logger?: LoggerService | LogLevel[] | false;
}

/** Boots the plans subgraph on `port` (embedded launcher, distributed main, tests). */
export async function createPlansApp(options: PlansAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(PlansModule.forRoot(options), { logger: options.logger ?? ['error', 'warn', 'log'] });
  limitRequestBodies(app);
  app.enableShutdownHooks();
  // Tables a rebuild filled with another projection version than this code's (ADR 0011).
  await warnOnReadModelVersions(app.get(DataSource), plansReadModels, (line) => new Logger('ReadModels').warn(line));
  await app.listen(options.port, options.host ?? '127.0.0.1');
  return app;
}
