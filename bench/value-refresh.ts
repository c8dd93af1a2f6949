import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { openServiceDataSource, openStorage, statementCounter } from '@c360/shared';
import { transactionsSubgraph } from '../subgraphs/transactions/src';
import { createValueService } from '../subgraphs/transactions/src/value-analysis';

/**
 * Times the full customer value refresh on a large base in the dedicated database c360_bench:
 * N customers (default 100,000) with 20 × N orders, built once from SQL and reused while the size
 * matches. Usage: npm run bench:value [-- --customers N] (BENCH_DATABASE_URL overrides the database).
 * Its orders have no lines, so the co-purchase rebuild that runs with each full refresh has nothing
 * to pair: `--graph-data` times the same refresh on the data set `npm run bench` seeded
 * (c360_bench_graph: demo orders with ~3.5 lines each), as of now, without building anything.
 */
const ORDERS_PER_CUSTOMER = 20;
const RUNS = 3;
const PER_CUSTOMER_SAMPLES = 20;
/** A fixed "as of" date, so every run of the benchmark values the same data the same way. */
const AS_OF = new Date('2026-01-01T00:00:00.000Z');
const CHUNK = 200_000;

const customers = Number(argument('--customers') ?? 100_000);
const graphData = process.argv.includes('--graph-data');
const databaseUrl = process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${graphData ? 'c360_bench_graph' : 'c360_bench'}`;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(1));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    const name = target.pathname.slice(1);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** A deterministic number in [0, 1) per order and purpose, without random(): reruns build the same data. */
const unit = (salt: string) => `(('x' || substr(md5('${salt}:' || k), 1, 8))::bit(32)::bigint / 4294967296.0)`;

/**
 * Order ids ascend (the primary key grows at its right edge, which keeps the load fast). Every customer gets one order; the rest go to customers skewed towards low numbers (a long
 * tail of occasional buyers next to heavy ones), over three years before AS_OF; 6% not completed.
 */
const GENERATE = `
INSERT INTO transactions.customer_order (id, customer_id, total, currency, channel, status, occurred_at, source_system, external_id, recorded_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(k), 12, '0'))::uuid,
       md5('bench-customer:' || CASE WHEN k <= $3 THEN k ELSE 1 + floor($3 * power(${unit('c')}, 1.5))::int END)::uuid,
       round((5 + 300 * power(${unit('m')}, 3))::numeric, 2),
       'EUR', 'WEB',
       CASE WHEN ${unit('s')} < 0.04 THEN 'REFUNDED' WHEN ${unit('s')} < 0.06 THEN 'CANCELLED' ELSE 'COMPLETED' END,
       at, 'bench', 'B-' || k, at
FROM generate_series($1::int, $2::int) AS k
CROSS JOIN LATERAL (SELECT date_trunc('milliseconds', $4::timestamptz - ${unit('t')} * interval '1095 days') AS at) t`;

async function buildDataSet(orders: number): Promise<{ reused: boolean; seconds: number }> {
  const started = performance.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [size] = (await client.query(`SELECT count(*)::int AS orders, count(DISTINCT customer_id)::int AS customers FROM transactions.customer_order`)).rows;
    if (size.orders === orders && size.customers === customers) return { reused: true, seconds: seconds(started) };
    log(`building ${customers.toLocaleString('en')} customers / ${orders.toLocaleString('en')} orders in ${new URL(databaseUrl).pathname.slice(1)} ...`);
    await client.query('TRUNCATE transactions.order_line, transactions.customer_order, transactions.customer_value, transactions.customer_value_refresh');
    await client.query('SET synchronous_commit = off');
    for (let lo = 1; lo <= orders; lo += CHUNK) {
      const hi = Math.min(lo + CHUNK - 1, orders);
      await client.query(GENERATE, [lo, hi, customers, AS_OF.toISOString()]);
      log(`  ${hi.toLocaleString('en')} orders (${seconds(started)} s)`);
    }
    await client.query('VACUUM ANALYZE transactions.customer_order');
    return { reused: false, seconds: seconds(started) };
  } finally {
    await client.end();
  }
}

/** The graph benchmark's data set as it is: refused when `npm run bench` has not seeded it. */
async function describeGraphData(dataSource: { query(sql: string): Promise<Array<Record<string, number>>> }): Promise<Record<string, unknown>> {
  const [size] = await dataSource.query(
    `SELECT (SELECT count(DISTINCT customer_id)::int FROM transactions.customer_order) AS customers, (SELECT count(*)::int FROM transactions.customer_order) AS orders, (SELECT count(*)::int FROM transactions.order_line) AS lines`,
  );
  if (!size.orders) throw new Error('c360_bench_graph has no orders: run `npm run bench` first');
  return { source: 'npm run bench data set (c360_bench_graph)', ...size };
}

async function main(): Promise<void> {
  if (!Number.isInteger(customers) || customers < 10) throw new Error('--customers must be an integer >= 10');
  const orders = customers * ORDERS_PER_CUSTOMER;
  if (!graphData) await ensureDatabase(databaseUrl);
  const storage = await openStorage({ databaseUrl });
  const dataSource = await openServiceDataSource(storage, { service: 'transactions', ...transactionsSubgraph.storage });
  try {
    const dataSet = graphData ? await describeGraphData(dataSource) : await buildDataSet(orders);
    log(`data set ${JSON.stringify(dataSet)}`);
    const asOf = graphData ? new Date() : AS_OF;
    const service = createValueService(dataSource, { windowDays: 365 });

    const runs: { ms: number; statements: number; customersValued: number; customersScored: number }[] = [];
    for (let run = 1; run <= RUNS; run++) {
      statementCounter.reset();
      const started = performance.now();
      const result = await service.refreshAll(asOf);
      const ms = Math.round(performance.now() - started);
      runs.push({ ms, statements: statementCounter.total(), customersValued: result.customersValued, customersScored: result.customersScored });
      log(`full refresh ${run}/${RUNS}: ${ms} ms, ${statementCounter.total()} statements, ${result.customersValued} valued, ${result.customersScored} scored`);
    }

    // What one recorded order adds: that customer's refresh against the last full refresh.
    const sample: { customer_id: string }[] = await dataSource.query(
      `SELECT customer_id FROM transactions.customer_value ORDER BY customer_id LIMIT ${PER_CUSTOMER_SAMPLES}`,
    );
    const perCustomer: number[] = [];
    for (const { customer_id } of sample) {
      const started = performance.now();
      await service.refreshCustomers([customer_id], asOf);
      perCustomer.push(Number((performance.now() - started).toFixed(2)));
    }

    const ms = runs.map((r) => r.ms);
    const [{ version }] = await dataSource.query(`SELECT current_setting('server_version') AS version`);
    const results = {
      benchmark: 'value-refresh',
      command: `npm run -s build && node dist/bench/value-refresh.js${graphData ? ' --graph-data' : customers === 100_000 ? '' : ` --customers ${customers}`}`,
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, postgres: version },
      dataSet: graphData ? { ...dataSet, asOf: asOf.toISOString() } : { customers, orders, asOf: AS_OF.toISOString(), ...dataSet },
      fullRefresh: {
        runs: ms,
        medianMs: median(ms),
        minMs: Math.min(...ms),
        maxMs: Math.max(...ms),
        statementsPerRefresh: runs[0].statements,
        customersValued: runs[0].customersValued,
        customersScored: runs[0].customersScored,
        targetMs: 60_000,
      },
      singleCustomerRefresh: { samples: perCustomer.length, medianMs: median(perCustomer), maxMs: Math.max(...perCustomer) },
    };
    const dir = resolve(process.cwd(), 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = graphData ? 'value-refresh-graph-data.json' : 'value-refresh.json';
    writeFileSync(resolve(dir, file), `${JSON.stringify(results, null, 2)}\n`);
    log(`full refresh median ${results.fullRefresh.medianMs} ms (min ${results.fullRefresh.minMs}, max ${results.fullRefresh.maxMs}), ${results.fullRefresh.statementsPerRefresh} statements; single-customer refresh median ${results.singleCustomerRefresh.medianMs} ms`);
    log(`written to bench/results/${file}`);
  } finally {
    await dataSource.destroy();
    await storage.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
