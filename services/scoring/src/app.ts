import { INestApplication, Logger, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { limitRequestBodies } from '@reform/subgraph';
import { DataSource } from 'typeorm';
import { warnOnReadModelVersions } from '@reform/event-store';
import { ScoringModule, ScoringOptions } from './scoring.module';
import { scoringReadModels } from './read/read-models';

export interface ScoringAppOptions extends ScoringOptions {
  readonly port: number;
  readonly host?: string;
  readonly logger?: LoggerService | LogLevel[] | false;
}

/** Boots the scoring subgraph on `port` (embedded launcher, distributed main, tests). */
export async function createScoringApp(options: ScoringAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(ScoringModule.forRoot(options), { logger: options.logger ?? ['error', 'warn', 'log'] });
  limitRequestBodies(app);
  app.enableShutdownHooks();
  await warnOnReadModelVersions(app.get(DataSource), scoringReadModels, (line) => new Logger('ReadModels').warn(line));
  await app.listen(options.port, options.host ?? '127.0.0.1');
  return app;
}
