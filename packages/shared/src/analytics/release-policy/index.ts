// One aggregate release policy: k, whole-day windows, bounded contributions, geometric noise, per-client daily ε budget.
export * from './aggregate-release-policy';
export * from './geometric-mechanism';
export * from './noise-source';
export * from './privacy-budget';
export * from './privacy-budget.errors';
export * from './privacy-budget.repository';
export * from './privacy-budget.type';
export * from './release-window';
export * from './aggregate-release.setup';
export * from './exact-sizes';
export * from './privacy-budget.migration';
