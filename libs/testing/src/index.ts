export * from './lib/servers';
export * from './lib/eventually';
