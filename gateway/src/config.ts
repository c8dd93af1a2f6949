import { CallerKind, ConfigError, operationsFrom, operationsSettings, parseAllowedOrigins, parseEnv, setting, type Env, type Operations, type SubgraphName } from '@c360/shared';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits';
import { parseLimitsByKind, type RateLimitSettings } from './edge/rate-limit';
import type { TrustedDocumentSettings } from './edge/trusted-documents';
import { readOidcSettings, webSettings, type WebSignInSettings } from './web/web-settings';

export { SUBGRAPH_NAMES, type SubgraphName } from '@c360/shared';

export const gatewaySettings = {
  PORT: setting.port({ default: 4000 }),
  HOST: setting.requiredString({ default: '0.0.0.0' }),
  NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, { default: 'development' }),
  SUPERGRAPH_PATH: setting.requiredString({ default: 'schema/supergraph.graphql' }),
  CALLER_SIGNING_KEY: setting.requiredString({ minLength: 32 }),
  SUBGRAPH_TIMEOUT_MS: setting.int({ default: 10_000, min: 100, max: 120_000 }),
  HTTP_REQUEST_TIMEOUT_MS: setting.int({ default: 10_000, min: 100, max: 300_000 }),
  GATEWAY_MAX_DEPTH: setting.int({ default: DEFAULT_QUERY_LIMITS.maxDepth, min: 2, max: 100 }),
  GATEWAY_MAX_ALIASES: setting.int({ default: DEFAULT_QUERY_LIMITS.maxAliases, min: 0, max: 1000 }),
  GATEWAY_MAX_COST: setting.int({ default: DEFAULT_QUERY_LIMITS.maxCost, min: 1, max: 10_000_000 }),
  SAFELIST_DIR: setting.requiredString({ default: 'safelist/generated' }),
  ADHOC_RESTRICTED_OPERATIONS: setting.boolean({ default: false }),
  CORS_ALLOWED_ORIGINS: setting.string({ optional: true }),
  RATE_LIMIT_BURST: setting.int({ default: 60, min: 1, max: 1_000_000 }),
  RATE_LIMIT_PER_SECOND: setting.number({ default: 10, min: 0.001, max: 1_000_000 }),
  RATE_LIMITS_BY_KIND: setting.string({ optional: true }),
  AUTH_ISSUER: setting.string({ optional: true }),
  AUTH_AUDIENCE: setting.string({ optional: true }),
  AUTH_JWKS_URL: setting.url({ protocols: ['https', 'http'], optional: true }),
  AUTH_JWKS_PATH: setting.string({ optional: true }),
  AUTH_DEV_KEYS_DIR: setting.requiredString({ default: '.data/dev-keys' }),
  CUSTOMERS_URL: setting.url({ protocols: ['http', 'https'], optional: true }),
  TRANSACTIONS_URL: setting.url({ protocols: ['http', 'https'], optional: true }),
  OFFERS_URL: setting.url({ protocols: ['http', 'https'], optional: true }),
  CONSENT_URL: setting.url({ protocols: ['http', 'https'], optional: true }),
  ...webSettings,
  ...operationsSettings,
};

export interface GatewayConfig {
  port: number;
  host: string;
  production: boolean;
  supergraphPath: string;
  callerSigningKey: string;
  subgraphTimeoutMs: number;
  /** Headers and body of a client request must arrive within this bound (slow-body protection). */
  requestTimeoutMs?: number;
  /** Depth and alias limits checked before planning. */
  limits: QueryLimits;
  /** Trusted documents of PARTNER and BI tokens, and the development-only switch that lifts them. */
  trustedDocuments: TrustedDocumentSettings;
  /** Browser origins allowed to call the gateway across origins. */
  corsAllowedOrigins?: string[];
  /** Requests per client id and caller kind per window (HTTP 429 beyond). */
  rateLimit: RateLimitSettings;
  auth: AuthSettings;
  /** Overrides of the URLs written in the supergraph, by subgraph name. */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  /** Logs, /metrics access and the shutdown drain. */
  operations: Operations;
  /** The privacy centre and console: where they are built, their OIDC clients and the sign-in key. */
  web: WebSignInSettings & { dir?: string };
}

/** Which keys sign access tokens: a production key set, or the development key. */
export interface AuthSettings {
  issuer?: string;
  audience?: string;
  jwksUrl?: string;
  jwksPath?: string;
  devKeysDir: string;
}

export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  const c = parseEnv(gatewaySettings, env);
  const problems: string[] = [];
  if (c.AUTH_JWKS_URL && c.AUTH_JWKS_PATH) problems.push('set AUTH_JWKS_URL or AUTH_JWKS_PATH, not both');
  if (c.NODE_ENV === 'production') {
    if (!c.AUTH_JWKS_URL && !c.AUTH_JWKS_PATH) problems.push('production needs AUTH_JWKS_URL or AUTH_JWKS_PATH (the development key is never trusted in production)');
    if (!c.AUTH_ISSUER) problems.push('production needs AUTH_ISSUER');
    if (!c.AUTH_AUDIENCE) problems.push('production needs AUTH_AUDIENCE');
  }
  if (c.NODE_ENV === 'production' && c.ADHOC_RESTRICTED_OPERATIONS) problems.push('ADHOC_RESTRICTED_OPERATIONS is refused in production: partners and BI tools run trusted documents only');
  let corsAllowedOrigins: string[] = [];
  try {
    corsAllowedOrigins = parseAllowedOrigins(c.CORS_ALLOWED_ORIGINS);
  } catch (error) {
    problems.push((error as Error).message);
  }
  let byKind: RateLimitSettings['byKind'] = {};
  try {
    byKind = parseLimitsByKind(c.RATE_LIMITS_BY_KIND, Object.values(CallerKind));
  } catch (error) {
    problems.push((error as Error).message);
  }
  const web = readOidcSettings(c, c.NODE_ENV === 'production');
  problems.push(...web.problems);
  if (problems.length) throw new ConfigError(problems);
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
    requestTimeoutMs: c.HTTP_REQUEST_TIMEOUT_MS,
    corsAllowedOrigins,
    trustedDocuments: { dir: c.SAFELIST_DIR, adHocAllowed: c.ADHOC_RESTRICTED_OPERATIONS },
    rateLimit: { bucket: { burst: c.RATE_LIMIT_BURST, perSecond: c.RATE_LIMIT_PER_SECOND }, byKind },
    limits: { maxDepth: c.GATEWAY_MAX_DEPTH, maxAliases: c.GATEWAY_MAX_ALIASES, maxCost: c.GATEWAY_MAX_COST },
    auth: { issuer: c.AUTH_ISSUER, audience: c.AUTH_AUDIENCE, jwksUrl: c.AUTH_JWKS_URL, jwksPath: c.AUTH_JWKS_PATH, devKeysDir: c.AUTH_DEV_KEYS_DIR },
    subgraphUrls: Object.fromEntries(Object.entries(urls).filter(([, url]) => url)) as Partial<Record<SubgraphName, string>>,
    operations: operationsFrom(c, c.NODE_ENV === 'production'),
    web: { dir: c.WEB_DIR, oidc: web.oidc, consoleOidc: web.consoleOidc, signInKeyPath: web.signInKeyPath },
  };
}
