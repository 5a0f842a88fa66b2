export * from './lib/decider';
export * from './lib/specification';
export * from './lib/upcasting';
