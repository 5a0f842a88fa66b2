export * from './lib/access-policy';
export * from './lib/tokens';
export * from './lib/access.decorators';
export * from './lib/access.errors';
export * from './lib/access-control';
export * from './lib/access.guard';
export * from './lib/auth.module';
export * from './lib/undeclared-resolvers';
