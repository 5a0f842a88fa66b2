export * from './subgraph-test-bed';
