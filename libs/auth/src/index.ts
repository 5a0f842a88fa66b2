export * from './lib/access-policy';
export * from './lib/tokens';
