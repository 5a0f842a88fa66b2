import { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlansModule, PlansOptions } from './plans.module';

export interface PlansAppOptions extends PlansOptions {
  readonly port: number;
  readonly host?: string;
  readonly logger?: LoggerService | LogLevel[] | false;
}

/** Boots the plans subgraph on `port` (embedded launcher, distributed main, tests). */
export async function createPlansApp(options: PlansAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(PlansModule.forRoot(options), { logger: options.logger ?? ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(options.port, options.host ?? '127.0.0.1');
  return app;
}
