export * from './test-storage';
export * from './subgraph-harness';
export * from './test-noise';
export * from './deadlock-victim';
