export * from './peer-directory';
export * from './peer-client';
export * from './known-customers';
export * from './order-redemptions';
export * from './peer-breaker';
