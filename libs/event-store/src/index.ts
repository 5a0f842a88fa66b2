export * from './lib/event-store.port';
