export * from './lib/decider';
export * from './lib/specification';
