export * from './lib/contract';
export * from './directory/unit-events';
export * from './plans/plan-events';
