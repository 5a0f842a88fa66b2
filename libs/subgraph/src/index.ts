export * from './lib/errors';
export * from './lib/subgraph-options';
export * from './lib/scalars';
export * from './lib/history';
export * from './lib/service-process';
export * from './lib/subgraph-types';
export * from './lib/query-limits';
export * from './lib/query-limits.plugin';
