// Aggregates: which customers may be counted, and the one release policy for every published figure.
export * from './analytics-population';
export * from './analytics.settings';
export * from './release-policy';
