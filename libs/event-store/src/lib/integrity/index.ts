export * from './verify-all';
export * from './digest';
export * from './cli';
