import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeStorage, openStorage, loadConfigOrExit, parseEnv, setting, stopOnSignals, demoSettings, storageSettings } from '@c360/shared';
import { startPlatform } from './platform';
import { resolveAuth } from '../gateway/src/auth/resolve-auth';

const USAGE = `npm start [-- --demo-customers N] [--memory] [--no-demo]
  --demo-customers N  size of the demo data set on first start (default 1000; ~20 orders each)
  --memory            keep data in memory only (default: .data/pglite, kept between starts)
  --no-demo           start with empty databases
Environment: PORT, DATABASE_URL, PGLITE_DATA_DIR, DEMO_CUSTOMERS, DEMO_SEED, <SUBGRAPH>_PORT`;

async function main() {
  const { values: flags } = parseArgs({
    options: { 'demo-customers': { type: 'string' }, memory: { type: 'boolean' }, 'no-demo': { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const env = { ...process.env, ...(flags['demo-customers'] ? { DEMO_CUSTOMERS: flags['demo-customers'] } : {}) };
  const config = loadConfigOrExit(() => parseEnv({ PORT: setting.port({ default: 4000 }), ADHOC_RESTRICTED_OPERATIONS: setting.boolean({ default: false }), ...storageSettings, ...demoSettings }, env));
  const dataDir = flags.memory ? undefined : (config.PGLITE_DATA_DIR ?? join(process.cwd(), '.data', 'pglite'));
  const started = Date.now();
  const auth = await resolveAuth({
    issuer: process.env.AUTH_ISSUER,
    audience: process.env.AUTH_AUDIENCE,
    jwksUrl: process.env.AUTH_JWKS_URL,
    jwksPath: process.env.AUTH_JWKS_PATH,
    devKeysDir: process.env.AUTH_DEV_KEYS_DIR ?? join(process.cwd(), '.data', 'dev-keys'),
  });
  const storage = await openStorage({ databaseUrl: config.DATABASE_URL, pgliteDataDir: dataDir, statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS });
  const platform = await startPlatform({
    storage,
    auth,
    gatewayPort: config.PORT,
    adHocRestrictedOperations: config.ADHOC_RESTRICTED_OPERATIONS,
    subgraphPort: (name, port) => Number(process.env[`${name.toUpperCase()}_PORT`] ?? port),
    demo: flags['no-demo'] || !config.DEMO_DATA ? undefined : { seed: config.DEMO_SEED, customers: config.DEMO_CUSTOMERS },
  });
  for (const subgraph of platform.subgraphs) process.stdout.write(`  subgraph ${subgraph.name.padEnd(13)} ${subgraph.url}\n`);
  process.stdout.write(`\nCustomer-360 gateway ready at ${platform.gatewayUrl} (storage: ${describeStorage(storage, dataDir)}, started in ${Date.now() - started} ms)\nPress Ctrl-C to stop.\n`);
  if (auth.development) process.stdout.write(`Tokens: npm run -s token -- --kind INTERNAL_APP   (development key in .data/dev-keys; see README)\n`);
  stopOnSignals(async () => {
    await platform.stop();
    await storage.close();
  });
}

main().catch((error: Error) => {
  process.stderr.write(`failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
