import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startService, type ServiceProcess } from './service-process';
import { createTestTokenIssuer, type TestTokenIssuer } from './test-tokens';

export const SUBGRAPH_SERVICES = ['customers', 'transactions', 'offers', 'consent'] as const;
export type SubgraphService = (typeof SUBGRAPH_SERVICES)[number];
export type PlatformService = SubgraphService | 'gateway';

const PREFIX: Record<SubgraphService, string> = { customers: 'CUSTOMERS', transactions: 'TRANSACTIONS', offers: 'OFFERS', consent: 'CONSENT' };
const SUPERGRAPH = join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql');
const SAFELIST = join(__dirname, '..', '..', '..', 'safelist', 'generated');

export interface ProductionPlatformOptions {
  /** A PostgreSQL database of its own (see freshDatabase); every service migrates its schema there. */
  databaseUrl: string;
  /** Demo customers each subgraph seeds on first start (same seed, so the four agree). */
  demoCustomers?: number;
  /** Environment every process gets on top of the production defaults. */
  env?: Record<string, string>;
  /** Environment of one service only (e.g. its own DATABASE_URL through a proxy). */
  serviceEnv?: Partial<Record<PlatformService, Record<string, string>>>;
  /** Node options of every process, e.g. ['--require', <connection recorder>]. */
  nodeArgs?: string[];
}

export interface ProductionPlatform {
  gatewayUrl: string;
  tokens: TestTokenIssuer;
  /** Where a subgraph serves GraphQL (its /health and /ready are next to it). */
  subgraphUrl(service: SubgraphService): string;
  /** The running process of each service (replaced by start()). */
  process(service: PlatformService): ServiceProcess;
  /** (Re)starts one service on its port, as an orchestrator would restart a container. */
  start(service: PlatformService): Promise<void>;
  /** SIGTERM to every process still running; resolves when all exited. */
  stop(): Promise<void>;
}

/**
 * A port that was free a moment ago (subgraphs need each other's URLs before they listen), drawn
 * below the kernel's ephemeral range: a process elsewhere on the machine listening on port 0 cannot
 * take it between this check and our bind.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 15_000 + Math.floor(Math.random() * 15_000);
    const server = createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
}

/** Drops and creates `<base database>_<suffix>` on the server of DATABASE_URL; returns its URL. */
export async function freshDatabase(suffix: string, baseUrl = process.env.DATABASE_URL!): Promise<string> {
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1) || 'postgres'}_${suffix}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The platform as production runs it: the gateway and each subgraph in its own process from
 * its built entry point (as docker-compose.yml does), NODE_ENV=production, real tokens.
 */
export async function startProductionPlatform(options: ProductionPlatformOptions): Promise<ProductionPlatform> {
  const tokens = await createTestTokenIssuer();
  const jwksPath = join(mkdtempSync(join(tmpdir(), 'c360-prod-jwks-')), 'jwks.json');
  writeFileSync(jwksPath, JSON.stringify({ keys: [tokens.publicJwk] }));
  const ports = Object.fromEntries(await Promise.all(SUBGRAPH_SERVICES.map(async (s) => [s, await freePort()] as const))) as Record<SubgraphService, number>;
  const gatewayPort = await freePort();
  const urls = Object.fromEntries(SUBGRAPH_SERVICES.map((s) => [`${PREFIX[s]}_URL`, `http://127.0.0.1:${ports[s]}/graphql`]));
  const common = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    CALLER_SIGNING_KEY: 'production-platform-signing-key-0123456789',
    LOG_LEVEL: 'warn',
    SEGMENT_REFRESH_SECONDS: '0',
    // Per-client limits lifted unless a test sets its own (the window settings and the token-bucket ones).
    RATE_LIMIT_PER_WINDOW: '1000000',
    RATE_LIMIT_BURST: '1000000',
    RATE_LIMIT_PER_SECOND: '1000000',
    TRANSACTIONS_VALUE_REFRESH_HOURS: '0',
    ...urls,
    ...options.env,
  };
  const envOf = (service: PlatformService): Record<string, string> => {
    if (service === 'gateway') {
      return {
        ...common,
        PORT: String(gatewayPort),
        SUPERGRAPH_PATH: SUPERGRAPH,
        SAFELIST_DIR: SAFELIST,
        AUTH_ISSUER: tokens.auth.issuer,
        AUTH_AUDIENCE: tokens.auth.audience,
        AUTH_JWKS_PATH: jwksPath,
        ...options.serviceEnv?.gateway,
      };
    }
    return {
      ...common,
      [`${PREFIX[service]}_PORT`]: String(ports[service]),
      DATABASE_URL: options.databaseUrl,
      DEMO_DATA: options.demoCustomers ? 'true' : 'false',
      DEMO_CUSTOMERS: String(options.demoCustomers ?? 0),
      ...options.serviceEnv?.[service],
    };
  };
  // LOG_LEVEL=warn keeps the "ready" lines out of the logs, so readiness is asked over HTTP.
  const processes = new Map<PlatformService, ServiceProcess>();
  const healthUrl = (service: PlatformService) => `http://127.0.0.1:${service === 'gateway' ? gatewayPort : ports[service]}/health`;
  const start = async (service: PlatformService) => {
    const child = startService(service, envOf(service), { nodeArgs: options.nodeArgs });
    processes.set(service, child);
    await untilHealthy(healthUrl(service), child);
  };
  try {
    await Promise.all(SUBGRAPH_SERVICES.map(start));
    await start('gateway');
  } catch (error) {
    for (const child of processes.values()) child.child.kill('SIGKILL');
    throw error;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
    tokens,
    subgraphUrl: (service) => `http://127.0.0.1:${ports[service]}/graphql`,
    process: (service) => processes.get(service)!,
    start,
    async stop() {
      const running = [...processes.values()].filter((p) => p.child.exitCode === null && p.child.signalCode === null);
      for (const p of running) {
        p.child.kill('SIGCONT'); // a test may have left one stopped
        p.child.kill('SIGTERM');
      }
      const timer = setTimeout(() => running.forEach((p) => p.child.kill('SIGKILL')), 15_000);
      await Promise.all(running.map((p) => p.exited));
      clearTimeout(timer);
    },
  };
}

/** Polls /health until it answers 200; fails at once with the output if the process exits. */
async function untilHealthy(url: string, service: ServiceProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void service.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${url} exited before it was healthy:\n${service.output()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms:\n${service.output()}`);
}
