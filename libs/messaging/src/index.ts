export * from './lib/message';
export * from './lib/bus.port';
export * from './lib/in-process-bus';
export * from './lib/jetstream-bus';
export * from './lib/migrations';
export * from './lib/outbox-relay';
export * from './lib/inbox';
export * from './lib/messaging.module';
