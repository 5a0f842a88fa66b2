import { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceAppOptions } from '@reform/subgraph';
import { PlansModule, PlansOptions } from './plans.module';
import { plansReadModels } from './read/read-models';

export interface PlansAppOptions extends PlansOptions, ServiceAppOptions {}

/** Boots the plans subgraph on `port` (embedded launcher, distributed main, tests). */
export function createPlansApp(options: PlansAppOptions): Promise<INestApplication> {
  return createServiceApp(PlansModule.forRoot(options), plansReadModels, options);
}
