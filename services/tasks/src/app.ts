import { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceAppOptions } from '@reform/subgraph';
import { TasksModule, TasksOptions } from './tasks.module';
import { tasksReadModels } from './read/read-models';

export interface TasksAppOptions extends TasksOptions, ServiceAppOptions {}

/** Boots the tasks subgraph on `port` (embedded launcher, distributed main, tests). */
export function createTasksApp(options: TasksAppOptions): Promise<INestApplication> {
  return createServiceApp(TasksModule.forRoot(options), tasksReadModels, options);
}
