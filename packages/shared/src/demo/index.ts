export * from './random';
export * from './universe';
