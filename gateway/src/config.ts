import { parseEnv, setting, type Env } from '@c360/shared';

export const SUBGRAPH_NAMES = ['customers', 'transactions', 'offers', 'consent'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const gatewaySettings = {
  PORT: setting.port({ default: 4000 }),
  HOST: setting.requiredString({ default: '0.0.0.0' }),
  NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, { default: 'development' }),
  SUPERGRAPH_PATH: setting.requiredString({ default: 'schema/supergraph.graphql' }),
  CALLER_SIGNING_KEY: setting.requiredString({ minLength: 32 }),
  SUBGRAPH_TIMEOUT_MS: setting.int({ default: 10_000, min: 100, max: 120_000 }),
  CUSTOMERS_URL: setting.url({ protocols: ['http', 'https'], optional: true }),
  TRANSACTIONS_URL: setting.url({ protocols: ['http', 'https'], optional: true }),
  OFFERS_URL: setting.url({ protocols: ['http', 'https'], optional: true }),
  CONSENT_URL: setting.url({ protocols: ['http', 'https'], optional: true }),
};

export interface GatewayConfig {
  port: number;
  host: string;
  production: boolean;
  supergraphPath: string;
  callerSigningKey: string;
  subgraphTimeoutMs: number;
  /** Overrides of the URLs written in the supergraph, by subgraph name. */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
}

export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  const c = parseEnv(gatewaySettings, env);
  const urls: Partial<Record<SubgraphName, string | undefined>> = {
    customers: c.CUSTOMERS_URL,
    transactions: c.TRANSACTIONS_URL,
    offers: c.OFFERS_URL,
    consent: c.CONSENT_URL,
  };
  return {
    port: c.PORT,
    host: c.HOST,
    production: c.NODE_ENV === 'production',
    supergraphPath: c.SUPERGRAPH_PATH,
    callerSigningKey: c.CALLER_SIGNING_KEY,
    subgraphTimeoutMs: c.SUBGRAPH_TIMEOUT_MS,
    subgraphUrls: Object.fromEntries(Object.entries(urls).filter(([, url]) => url)) as Partial<Record<SubgraphName, string>>,
  };
}
