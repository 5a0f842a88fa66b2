export * from './lib/unit-hierarchy.port';
