export * from './webhook-signer';
export * from './endpoint-policy';
export * from './webhook-sink';
