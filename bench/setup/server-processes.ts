import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '@c360/shared/service/runtime-flags';
import { withClient } from '../dataset/database';
import { parentPid, watchParallelWorkers } from '../measure/parallel-workers';
import type { ProcessGroup } from '../measure/proc-stats';
import { startServerProcess, type ServerProcess } from '../servers/ipc';
import type { BenchCallers } from './bench-callers';

export interface ServerSet {
  subgraphs: ServerProcess;
  gateway: ServerProcess;
  stop(): Promise<void>;
}

const script = (name: string) => join(__dirname, '..', 'servers', `${name}.js`);

/** Every server runs as production would: graphql-js skips its development-mode checks only when NODE_ENV=production. */
const PRODUCTION_ENV = { NODE_ENV: 'production' } as const;

/** Subgraphs in one child process and our gateway in another, with extra environment (e.g. a switch) and V8 flags (production's unless told). */
export async function startOurServers(databaseUrl: string, callers: BenchCallers, label: string, env: Record<string, string> = {}, nodeFlags: readonly string[] = SERVER_NODE_FLAGS): Promise<ServerSet> {
  // The background segment refresh is off: rounds compare request paths, and statement counts
  // (R3) must see only the request being measured.
  const subgraphs = await startServerProcess(`subgraphs${label}`, script('subgraphs-main'), {
    SEGMENT_REFRESH_SECONDS: '0',
    // No outbox dispatcher unless an experiment asks for one (R9): sets share the database, so a
    // dispatcher would deliver (or, without a sink, mark delivered) another set's events.
    EVENTS_POLL_MS: '0',
    ...PRODUCTION_ENV,
    ...env,
    DATABASE_URL: databaseUrl,
    CALLER_SIGNING_KEY: callers.callerSigningKey,
  }, nodeFlags);
  const gateway = await startServerProcess(`our-gateway${label}`, script('gateway-main'), {
    ...PRODUCTION_ENV,
    ...env,
    CALLER_SIGNING_KEY: callers.callerSigningKey,
    SUBGRAPH_URLS: JSON.stringify(subgraphs.urls),
    BENCH_AUTH: JSON.stringify(callers.auth),
  }, nodeFlags);
  return { subgraphs, gateway, stop: async () => void (await Promise.all([gateway.stop(), subgraphs.stop()])) };
}

export const startPlainGateway = (subgraphUrls: Record<string, string>, callers: BenchCallers) =>
  startServerProcess('plain-gateway', script('plain-gateway-main'), { ...PRODUCTION_ENV, SUBGRAPH_URLS: JSON.stringify(subgraphUrls), FIXED_CALLER_HEADERS: JSON.stringify(callers.fixedCallerHeaders) });

export const processGroup = (server: ServerProcess): ProcessGroup => ({ name: server.name, pids: async () => [server.pid] });

/** The PostgreSQL backends serving the benchmark's services (pooled, so they live across rounds), plus their parallel workers. */
export function postgresGroup(databaseUrl: string): ProcessGroup {
  const database = new URL(databaseUrl).pathname.slice(1);
  const pids = (): Promise<number[]> =>
      withClient(databaseUrl, async (client) => {
        const { rows } = await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'c360-%'`, [database]);
        return rows.map((r: { pid: number }) => r.pid);
      });
  return {
    name: 'postgres',
    pids,
    async watch() {
      const backends = await pids();
      if (!backends.length) return { stop: () => 0 };
      return watchParallelWorkers(parentPid(backends[0]), new Set(backends));
    },
  };
}
