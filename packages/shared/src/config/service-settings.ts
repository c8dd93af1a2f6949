import { setting } from './env-schema';

/** Settings every subgraph service reads; each service adds its own port. */
export const storageSettings = {
  DATABASE_URL: setting.url({ protocols: ['postgres', 'postgresql'], optional: true }),
  PGLITE_DATA_DIR: setting.string({ optional: true }),
};

export const callerTrustSettings = {
  CALLER_SIGNING_KEY: setting.requiredString({ minLength: 32 }),
};

export const demoSettings = {
  // Unset: demo data in development, none in production (seeding there must be asked for).
  DEMO_DATA: setting.optionalBoolean(),
  DEMO_CUSTOMERS: setting.int({ default: 1000, min: 0, max: 1_000_000 }),
  DEMO_SEED: setting.int({ default: 360 }),
};
