export * from './segment-vocabulary';
export * from './segment-condition';
export * from './segment-sql';
export * from './segment-access';
export * from './peer-condition.input';
