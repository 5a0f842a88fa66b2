export * from './lib/unit-hierarchy.port';
export * from './lib/unit-tables';
export * from './lib/postgres-unit-hierarchy';
export * from './lib/unit-hierarchy.module';
export * from './testing/publish-units';
export * from './lib/standard-bodies';
export * from './lib/tenancy';
export * from './testing/in-memory-unit-hierarchy';
