import { bootProcess } from '@c360/shared/service/boot';
bootProcess('platform'); // before anything loads @apollo/gateway or pg

import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  collectProcessMetrics,
  ConfigError,
  configureLogging,
  demoSettings,
  describeStorage,
  eventSettings,
  eventsOptionsFrom,
  loadConfigOrExit,
  openStorage,
  operationsFrom,
  operationsSettings,
  parseEnv,
  peerSettings,
  serviceLogger,
  setting,
  stopOnSignals,
  storageSettings,
} from '@c360/shared';
import { startPlatform } from './platform';
import { resolveAuth } from '../gateway/src/auth/resolve-auth';
import { developmentSignIn, keyFileMinter } from '../gateway/src/web/development-minter';
import { readOidcSettings, webSettings } from '../gateway/src/web/web-settings';

const USAGE = `npm start [-- --demo-customers N] [--memory] [--no-demo]
  --demo-customers N  size of the demo data set on first start (default 1000; ~20 orders each)
  --memory            keep data in memory only (default: .data/pglite, kept between starts)
  --no-demo           start with empty databases
Environment: PORT, DATABASE_URL, PGLITE_DATA_DIR, DEMO_CUSTOMERS, DEMO_SEED, PEER_TIMEOUT_MS, <SUBGRAPH>_PORT`;

async function main() {
  const { values: flags } = parseArgs({
    options: { 'demo-customers': { type: 'string' }, memory: { type: 'boolean' }, 'no-demo': { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const env = { ...process.env, ...(flags['demo-customers'] ? { DEMO_CUSTOMERS: flags['demo-customers'] } : {}) };
  const { config, operations, web } = loadConfigOrExit(() => {
    const parsed = parseEnv({ PORT: setting.port({ default: 4000 }), ADHOC_RESTRICTED_OPERATIONS: setting.boolean({ default: false }), ...storageSettings, ...demoSettings, ...peerSettings, ...operationsSettings, ...webSettings, ...eventSettings }, env);
    const web = readOidcSettings(parsed, false);
    if (web.problems.length) throw new ConfigError(web.problems);
    return { config: parsed, operations: operationsFrom(parsed, false), web };
  });
  configureLogging(operations.log);
  collectProcessMetrics();
  const log = serviceLogger('platform');
  const dataDir = flags.memory ? undefined : (config.PGLITE_DATA_DIR ?? join(process.cwd(), '.data', 'pglite'));
  const started = Date.now();
  const devKeysDir = process.env.AUTH_DEV_KEYS_DIR ?? join(process.cwd(), '.data', 'dev-keys');
  const auth = await resolveAuth({
    issuer: process.env.AUTH_ISSUER,
    audience: process.env.AUTH_AUDIENCE,
    jwksUrl: process.env.AUTH_JWKS_URL,
    jwksPath: process.env.AUTH_JWKS_PATH,
    devKeysDir,
  });
  const devMinter = auth.development ? await developmentSignIn(devKeysDir, auth) : undefined;
  const signInMinter = web.signInKeyPath ? keyFileMinter(web.signInKeyPath, auth) : devMinter;
  const storage = await openStorage({ databaseUrl: config.DATABASE_URL, pgliteDataDir: dataDir, statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS });
  const platform = await startPlatform({
    storage,
    auth,
    gatewayPort: config.PORT,
    adHocRestrictedOperations: config.ADHOC_RESTRICTED_OPERATIONS,
    subgraphPort: (name, port) => Number(process.env[`${name.toUpperCase()}_PORT`] ?? port),
    demo: flags['no-demo'] || config.DEMO_DATA === false ? undefined : { seed: config.DEMO_SEED, customers: config.DEMO_CUSTOMERS },
    metrics: operations.metrics,
    drainMs: operations.drainMs,
    web: { dir: config.WEB_DIR, oidc: web.oidc, consoleOidc: web.consoleOidc, signInMinter, developmentSignIn: devMinter },
    events: eventsOptionsFrom(config),
    peerPolicy: { callTimeoutMs: config.PEER_TIMEOUT_MS, resetAfterMs: config.PEER_BREAKER_RESET_MS },
  });
  for (const subgraph of platform.subgraphs) log.info(`subgraph ${subgraph.name.padEnd(13)} ${subgraph.url}`);
  log.info(`Customer-360 gateway ready at ${platform.gatewayUrl} (storage: ${describeStorage(storage, dataDir)}, started in ${Date.now() - started} ms). Press Ctrl-C to stop.`);
  if (auth.development) log.info(`Tokens: npm run -s token -- --kind INTERNAL_APP   (development key in .data/dev-keys; see README)`);
  stopOnSignals(async () => {
    await platform.stop();
    await storage.close();
  }, 'platform');
}

main().catch((error: Error) => {
  process.stderr.write(`failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
