export * from './webhook-signer';
export * from './endpoint-policy';
