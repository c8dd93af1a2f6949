// BI aggregates: which customers may be counted, and k-anonymity for the groups published.
export * from './analytics-population';
export * from './analytics.settings';
export * from './small-groups';
