export * from './lib/servers';
export * from './lib/eventually';
export * from './lib/data-source';
export * from './lib/graphql-client';
export * from './lib/access-matrix';
export * from './lib/table-snapshot';
export * from './lib/own-servers';
export * from './lib/schema-fuzz';
