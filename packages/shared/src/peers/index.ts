export * from './peer-directory';
export * from './peer-client';
export * from './peer-breaker';
