import { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TasksModule, TasksOptions } from './tasks.module';

export interface TasksAppOptions extends TasksOptions {
  readonly port: number;
  readonly host?: string;
  readonly logger?: LoggerService | LogLevel[] | false;
}

/** Boots the tasks subgraph on `port` (embedded launcher, distributed main, tests). */
export async function createTasksApp(options: TasksAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(TasksModule.forRoot(options), { logger: options.logger ?? ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(options.port, options.host ?? '127.0.0.1');
  return app;
}
