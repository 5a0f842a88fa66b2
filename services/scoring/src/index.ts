export { createScoringApp } from './app';
export type { ScoringAppOptions } from './app';
export { ScoringModule, scoringMigrations } from './scoring.module';
export type { ScoringOptions } from './scoring.module';
export { SCORING_SCHEMA } from './schema';
export { scoringReadModels, SCORING_PROJECTIONS } from './read/read-models-index';
export { seedPapiResults } from './demo/seed-papi';
