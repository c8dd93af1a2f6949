import { setting } from './env-schema';

/** Settings every subgraph service reads; each service adds its own port. */
export const storageSettings = {
  DATABASE_URL: setting.url({ protocols: ['postgres', 'postgresql'], optional: true }),
  PGLITE_DATA_DIR: setting.string({ optional: true }),
  /** Bounds one SQL statement on PostgreSQL (PGlite ignores it); keep it near the gateway's SUBGRAPH_TIMEOUT_MS. */
  DB_STATEMENT_TIMEOUT_MS: setting.int({ default: 20_000, min: 100, max: 3_600_000 }),
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

/** Peer calls (consent decisions, targeting facts, segment conditions) behind a circuit breaker. */
export const peerSettings = {
  PEER_TIMEOUT_MS: setting.int({ default: 1_000, min: 50, max: 60_000 }),
  PEER_BREAKER_RESET_MS: setting.int({ default: 2_000, min: 100, max: 600_000 }),
};
