import { loadConfigOrExit, parseEnv, setting } from '../config/env-schema';
import { callerTrustSettings, demoSettings, peerSettings, storageSettings } from '../config/service-settings';
import { openStorage, describeStorage } from '../storage/storage';
import { stopOnSignals } from './shutdown';
import { PeerDirectory } from '../peers/peer-directory';
import { configureLogging, serviceLogger } from '../observability/logger';
import { operationsFrom, operationsSettings } from '../observability/observability.settings';
import { collectProcessMetrics } from '../observability/metrics';
import { startSubgraph } from './start-subgraph';
import type { SubgraphDefinition } from './subgraph-definition';
import { eventSettings, eventsOptionsFrom } from '../events/events.settings';

/** Every environment variable a subgraph service reads, with its validation. */
export function subgraphSettings(definition: Pick<SubgraphDefinition, 'envPrefix' | 'defaultPort' | 'settings'>) {
  return {
    [`${definition.envPrefix}_PORT`]: setting.port({ default: definition.defaultPort }),
    HOST: setting.requiredString({ default: '0.0.0.0' }),
    CONSENT_ENFORCEMENT: setting.oneOf(['on', 'off'] as const, { default: 'on' }),
    CUSTOMERS_URL: setting.url({ protocols: ['http', 'https'], default: 'http://localhost:4001/graphql' }),
    TRANSACTIONS_URL: setting.url({ protocols: ['http', 'https'], default: 'http://localhost:4002/graphql' }),
    OFFERS_URL: setting.url({ protocols: ['http', 'https'], default: 'http://localhost:4003/graphql' }),
    CONSENT_URL: setting.url({ protocols: ['http', 'https'], default: 'http://localhost:4004/graphql' }),
    NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, { default: 'development' }),
    ...storageSettings,
    ...callerTrustSettings,
    ...peerSettings,
    ...demoSettings,
    ...operationsSettings,
    ...eventSettings,
    ...definition.settings,
  };
}

/** A subgraph's own entry point (one container per service): configured only by environment variables. */
export async function runSubgraphMain(definition: SubgraphDefinition): Promise<void> {
  const { config, operations } = loadConfigOrExit(() => {
    const parsed = parseEnv(subgraphSettings(definition));
    return { config: parsed, operations: operationsFrom(parsed, parsed.NODE_ENV === 'production') };
  });
  configureLogging(operations.log);
  collectProcessMetrics();
  const log = serviceLogger(definition.name);
  const port = (config as Record<string, unknown>)[`${definition.envPrefix}_PORT`] as number;
  const storage = await openStorage({ databaseUrl: config.DATABASE_URL, pgliteDataDir: config.PGLITE_DATA_DIR, statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS });
  const running = await startSubgraph(definition, {
    storage,
    port,
    host: config.HOST,
    callerSigningKey: config.CALLER_SIGNING_KEY,
    peers: new PeerDirectory({
      customers: config.CUSTOMERS_URL as string,
      transactions: config.TRANSACTIONS_URL as string,
      offers: config.OFFERS_URL as string,
      consent: config.CONSENT_URL as string,
    }),
    peerPolicy: { callTimeoutMs: config.PEER_TIMEOUT_MS, resetAfterMs: config.PEER_BREAKER_RESET_MS },
    consentEnforcement: config.CONSENT_ENFORCEMENT as 'on' | 'off',
    production: config.NODE_ENV === 'production',
    demo: demoOptionsFor(config),
    metrics: operations.metrics,
    drainMs: operations.drainMs,
    events: eventsOptionsFrom(config),
  });
  log.info(`ready at ${running.url} on ${describeStorage(storage, config.PGLITE_DATA_DIR)}`);
  stopOnSignals(async () => {
    await running.stop();
    await storage.close();
  }, definition.name);
}

/** Demo data is for trying the platform: in production only when DEMO_DATA=true is set explicitly. */
export function demoOptionsFor(config: { NODE_ENV: string; DEMO_DATA?: boolean; DEMO_SEED: number; DEMO_CUSTOMERS: number }) {
  const wanted = config.DEMO_DATA ?? config.NODE_ENV !== 'production';
  return wanted ? { seed: config.DEMO_SEED, customers: config.DEMO_CUSTOMERS } : undefined;
}
