export * from './lib/contract';
export * from './directory/unit-events';
