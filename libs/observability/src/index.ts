export * from './lib/log-context';
export * from './lib/logging';
export * from './lib/metrics';
export * from './lib/tracing';
