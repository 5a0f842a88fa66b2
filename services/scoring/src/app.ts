import { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceAppOptions } from '@reform/subgraph';
import { ScoringModule, ScoringOptions } from './scoring.module';
import { scoringReadModels } from './read/read-models';

export interface ScoringAppOptions extends ScoringOptions, ServiceAppOptions {}

/** Boots the scoring subgraph on `port` (embedded launcher, distributed main, tests). */
export function createScoringApp(options: ScoringAppOptions): Promise<INestApplication> {
  return createServiceApp(ScoringModule.forRoot(options), scoringReadModels, options);
}
