export * from './lib/config';
export * from './lib/process';
export * from './lib/process-faults';
