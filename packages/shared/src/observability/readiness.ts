import type { DataSource } from 'typeorm';

/** One thing a service needs before it should get traffic; `check` throws a short, non-sensitive reason. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, string>;
}

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every check at once; ready only when all pass. */
export async function readinessReport(checks: readonly ReadinessCheck[], timeoutMs = CHECK_TIMEOUT_MS): Promise<ReadinessReport> {
  const outcomes = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await withTimeout(check(), timeoutMs);
        return [name, 'ok'] as const;
      } catch (error) {
        return [name, (error as Error).message] as const;
      }
    }),
  );
  return { ready: outcomes.every(([, outcome]) => outcome === 'ok'), checks: Object.fromEntries(outcomes) };
}

/** The database answers, and every migration this code ships is applied. */
export function databaseChecks(dataSource: DataSource, schema: string): ReadinessCheck[] {
  return [
    {
      name: 'database',
      async check() {
        if (!dataSource.isInitialized) throw new Error('closed');
        try {
          await dataSource.query('SELECT 1');
        } catch {
          throw new Error('unreachable'); // the driver's message may name hosts or users
        }
      },
    },
    {
      name: 'migrations',
      async check() {
        let rows: { name: string }[];
        try {
          rows = await dataSource.query(`SELECT name FROM "${schema}"."migrations"`);
        } catch {
          throw new Error('migrations table unreadable');
        }
        const applied = new Set(rows.map((r) => r.name));
        const pending = dataSource.migrations.filter((m) => !applied.has(m.name ?? m.constructor.name));
        if (pending.length > 0) throw new Error(`${pending.length} pending`);
      },
    },
  ];
}

/** A peer answers its `path` (/health for peers of a subgraph; /ready of subgraphs for the gateway) with 2xx. */
export function peerCheck(name: string, graphqlUrl: string, path: '/health' | '/ready'): ReadinessCheck {
  const url = new URL(path, graphqlUrl).toString();
  return {
    name,
    async check() {
      let status: number;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
        status = response.status;
        await response.body?.cancel();
      } catch {
        throw new Error('unreachable');
      }
      if (status < 200 || status >= 300) throw new Error(`HTTP ${status}`);
    },
  };
}
