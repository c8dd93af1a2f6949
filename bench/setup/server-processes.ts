import { join } from 'node:path';
import { withClient } from '../dataset/database';
import type { ProcessGroup } from '../measure/proc-stats';
import { startServerProcess, type ServerProcess } from '../servers/ipc';
import type { BenchCallers } from './bench-callers';

export interface ServerSet {
  subgraphs: ServerProcess;
  gateway: ServerProcess;
  stop(): Promise<void>;
}

const script = (name: string) => join(__dirname, '..', 'servers', `${name}.js`);

/** Subgraphs in one child process and our gateway in another, with extra environment (e.g. a switch). */
export async function startOurServers(databaseUrl: string, callers: BenchCallers, label: string, env: Record<string, string> = {}): Promise<ServerSet> {
  // The background segment refresh is off: rounds compare request paths, and statement counts
  // (R3) must see only the request being measured.
  const subgraphs = await startServerProcess(`subgraphs${label}`, script('subgraphs-main'), {
    SEGMENT_REFRESH_SECONDS: '0',
    ...env,
    DATABASE_URL: databaseUrl,
    CALLER_SIGNING_KEY: callers.callerSigningKey,
  });
  const gateway = await startServerProcess(`our-gateway${label}`, script('gateway-main'), {
    ...env,
    CALLER_SIGNING_KEY: callers.callerSigningKey,
    SUBGRAPH_URLS: JSON.stringify(subgraphs.urls),
    BENCH_AUTH: JSON.stringify(callers.auth),
  });
  return { subgraphs, gateway, stop: async () => void (await Promise.all([gateway.stop(), subgraphs.stop()])) };
}

export const startPlainGateway = (subgraphUrls: Record<string, string>, callers: BenchCallers) =>
  startServerProcess('plain-gateway', script('plain-gateway-main'), { SUBGRAPH_URLS: JSON.stringify(subgraphUrls), FIXED_CALLER_HEADERS: JSON.stringify(callers.fixedCallerHeaders) });

export const processGroup = (server: ServerProcess): ProcessGroup => ({ name: server.name, pids: async () => [server.pid] });

/** The PostgreSQL backends serving the benchmark's services (pooled, so they live across rounds). */
export function postgresGroup(databaseUrl: string): ProcessGroup {
  const database = new URL(databaseUrl).pathname.slice(1);
  return {
    name: 'postgres',
    pids: () =>
      withClient(databaseUrl, async (client) => {
        const { rows } = await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'c360-%'`, [database]);
        return rows.map((r: { pid: number }) => r.pid);
      }),
  };
}
