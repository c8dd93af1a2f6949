import { parseArgs } from 'node:util';

export const USAGE = `npm run bench [-- options]        (npm run bench:smoke = the small CI run)
  --customers N      data set size (default 100000; ~20 orders each)
  --seed N           demo data seed (default 42)
  --duration S       seconds per measured round (default 10)
  --rounds N         measured rounds per side, interleaved A B B A ... (default 4)
  --warmup S         warm-up seconds per side before the rounds (default 5)
  --connections N    concurrent connections of the load generator (default 10)
  --database NAME    PostgreSQL database on 127.0.0.1:5432 (default c360_bench_graph)
  --smoke            tiny run for CI: 300 customers in c360_bench_smoke, short rounds;
                     fails on any wrong response, targets are informational`;

export interface BenchOptions {
  smoke: boolean;
  customers: number;
  seed: number;
  durationSeconds: number;
  rounds: number;
  warmupSeconds: number;
  connections: number;
  databaseUrl: string;
  /** Results file path without extension. */
  resultsBase: string;
}

function integer(flags: Record<string, string | boolean | undefined>, name: string, fallback: number, min: number): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min} (got ${String(raw)})`);
  return n;
}

export function readOptions(argv: string[]): BenchOptions | undefined {
  const { values: flags } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string' }, seed: { type: 'string' }, duration: { type: 'string' }, rounds: { type: 'string' }, warmup: { type: 'string' },
      connections: { type: 'string' }, database: { type: 'string' }, smoke: { type: 'boolean' }, help: { type: 'boolean' },
    },
  });
  if (flags.help) return undefined;
  const smoke = !!flags.smoke;
  const database = flags.database ?? (smoke ? 'c360_bench_smoke' : 'c360_bench_graph');
  return {
    smoke,
    customers: integer(flags, 'customers', smoke ? 300 : 100_000, 100),
    seed: integer(flags, 'seed', 42, 0),
    durationSeconds: integer(flags, 'duration', smoke ? 2 : 10, 1),
    rounds: integer(flags, 'rounds', smoke ? 2 : 4, 1),
    warmupSeconds: integer(flags, 'warmup', smoke ? 1 : 5, 1),
    connections: integer(flags, 'connections', smoke ? 4 : 10, 1),
    databaseUrl: `postgres://postgres@127.0.0.1:5432/${database}`,
    resultsBase: smoke ? 'bench/results/smoke' : 'bench/results/latest',
  };
}
