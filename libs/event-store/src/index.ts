export * from './lib/event-store.port';
export * from './lib/canonical';
export * from './lib/postgres/migrations';
export * from './lib/postgres/postgres-event-store';
export * from './lib/projection';
export * from './lib/command-handler';
export * from './lib/event-store.module';
export * from './lib/postgres/data-source';
