export * from './peer-directory';
export * from './peer-client';
