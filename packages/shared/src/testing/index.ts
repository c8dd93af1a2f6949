export * from './test-storage';
export * from './subgraph-harness';
