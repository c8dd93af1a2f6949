import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { Client } from 'pg';
import { openServiceDataSource, openStorage } from '@c360/shared';
import { copyIntoStaging } from '@c360/shared/import/staging-copy';
import { customersSubgraph } from '../subgraphs/customers/src';
import { transactionsSubgraph } from '../subgraphs/transactions/src';

const USAGE = `npm run bench:import [-- --rows N] [--small N] [--smoke] [--database NAME]
  R4: importing N orders with lines (and their order.recorded outbox events) from NDJSON into empty tables ÷ a raw
  COPY of the same rows; replay ÷ COPY;
  a file with 1% bad rows ÷ a clean one; the importer's peak RSS at --small rows and at N rows.
  --rows N      the large file (default 1000000)
  --small N     the small file for the RSS comparison (default 100000)
  --smoke       5,000 and 1,000 rows, no results written; fails on wrong counts (CI)
  --database    PostgreSQL database on 127.0.0.1:5432 (default c360_bench_import), created if missing`;

const run = promisify(execFile);
const CUSTOMERS = 20_000;
const PRODUCTS = 200;
const STOCK = 1_000_000_000;

/** A small deterministic PRNG: the same sizes give the same files. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32);
}
const uuidFrom = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const sku = (n: number) => `BENCH-${String(n).padStart(4, '0')}`;

async function writeOrders(path: string, rows: number, badEvery: number, seed: number): Promise<number> {
  const random = prng(seed);
  const out = createWriteStream(path);
  let bad = 0;
  for (let i = 0; i < rows; i++) {
    const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({ sku: sku(Math.floor(random() * PRODUCTS)), quantity: 1 + Math.floor(random() * 3) }));
    const order: Record<string, unknown> = { externalId: `B-${seed}-${i}`, customerId: uuidFrom(Math.floor(random() * CUSTOMERS)), channel: 'WEB', currency: 'EUR', occurredAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(), lines };
    if (badEvery > 0 && i % badEvery === badEvery - 1) {
      bad++;
      // Three kinds of bad row, caught at three stages: typing, record rules, line rules.
      if (bad % 3 === 0) order.customerId = 'not-a-uuid';
      else if (bad % 3 === 1) order.customerId = uuidFrom(CUSTOMERS + i);
      else lines[0].sku = 'NO-SUCH-SKU';
    }
    if (!out.write(`${JSON.stringify(order)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bad;
}

async function ensureDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return `postgres://postgres@127.0.0.1:5432/${name}`;
}

/** Fresh schemas from the subgraphs' migrations, a catalogue and a customer base for the orders to name. */
async function setUp(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS transactions CASCADE; DROP SCHEMA IF EXISTS customers CASCADE');
  const storage = await openStorage({ databaseUrl: url });
  for (const definition of [customersSubgraph, transactionsSubgraph]) await (await openServiceDataSource(storage, { service: definition.name, ...definition.storage })).destroy();
  const now = new Date().toISOString();
  await copyIntoStaging(client, 'customers.customer', ['id', 'display_name', 'locale', 'acquisition_channel', 'created_at', 'updated_at'], Array.from({ length: CUSTOMERS }, (_, i) => `${uuidFrom(i)},Bench ${i},en,WEB,${now},${now}\n`));
  await copyIntoStaging(client, 'transactions.product', ['sku', 'name', 'category', 'price', 'currency', 'stock_level', 'updated_at'], Array.from({ length: PRODUCTS }, (_, i) => `${sku(i)},Product ${i},Bench,${(5 + (i % 50) * 1.25).toFixed(2)},EUR,${STOCK},${now}\n`));
  await client.end();
}

async function emptyOrders(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('TRUNCATE transactions.order_line, transactions.customer_order, transactions.stock_movement, transactions.outbox, transactions.import_bad_row, transactions.import_job');
  await client.query('UPDATE transactions.product SET stock_level = $1', [STOCK]);
  await client.query('VACUUM ANALYZE transactions.customer_order, transactions.order_line, transactions.stock_movement, transactions.outbox, transactions.product');
  await client.end();
}

/**
 * What both sides must leave behind, without the values only one side can choose (generated ids,
 * recording times): each table's row count and an order-independent sum of per-row hashes, rows
 * named by the order's external id. The outbox too: each event's type, version, customer and payload,
 * its order id replaced by the order's external id (the event id and time are each side's own).
 * Equal fingerprints are what make the time ratio a fair one.
 */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const [row] = (
    await client.query(`
      SELECT
        (SELECT count(*) || ' / ' || coalesce(sum(hashtextextended(concat_ws('|', external_id, customer_id, total, currency, channel, status, occurred_at, source_system), 0)::numeric), 0)
           FROM transactions.customer_order) AS orders,
        (SELECT count(*) || ' / ' || coalesce(sum(hashtextextended(concat_ws('|', o.external_id, l.line_no, l.sku, l.quantity, l.unit_price, l.line_total), 0)::numeric), 0)
           FROM transactions.order_line l JOIN transactions.customer_order o ON o.id = l.order_id) AS lines,
        (SELECT count(*) || ' / ' || coalesce(sum(hashtextextended(concat_ws('|', o.external_id, m.source, m.sku, m.delta, m.occurred_at), 0)::numeric), 0)
           FROM transactions.stock_movement m LEFT JOIN transactions.customer_order o ON o.id::text = split_part(m.movement_key, ':', 2)) AS stock_movements,
        (SELECT count(*) || ' / ' || sum(hashtextextended(sku || '|' || stock_level, 0)::numeric) FROM transactions.product) AS products,
        (SELECT count(*) || ' / ' || coalesce(sum(hashtextextended(concat_ws('|', e.type, e.version, e.customer_id, o.external_id, e.payload - 'orderId'), 0)::numeric), 0)
           FROM transactions.outbox e LEFT JOIN transactions.customer_order o ON o.id = (e.payload->>'orderId')::uuid) AS outbox`)
  ).rows;
  await client.end();
  return row;
}

interface Measured {
  ms: number;
  wallMs: number;
  maxRssMb: number;
  afterImportMs?: number | null;
  counts: Record<string, number>;
  timings?: Record<string, number | null>;
}

async function child(mode: 'copy' | 'import', url: string, file: string, extra: string[] = []): Promise<Measured> {
  // The importer runs with a 128 MB heap (streaming, not buffering: the RSS ratio checks it). The baseline holds
  // two batches (one parsed while the previous is written) and gets room for them: it is the floor, not measured for memory.
  const heapMb = mode === 'copy' ? 512 : 128;
  const { stdout } = await run(process.execPath, [`--max-old-space-size=${heapMb}`, join(__dirname, 'import-child.js'), '--mode', mode, '--url', url, '--file', file, '--source-system', 'bench', ...extra], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measured;
}

/** Where the importer's time went, as shares of staging + validation + merge. */
function split(timings: Measured['timings']): string {
  const [stage, validate, merge] = ['stageMs', 'validateMs', 'mergeMs'].map((k) => Number(timings?.[k] ?? 0));
  const total = stage + validate + merge || 1;
  return [stage, validate, merge].map((ms) => `${Math.round((ms / total) * 100)} %`).join(' / ');
}

async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, small: { type: 'string' }, smoke: { type: 'boolean' }, database: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const rows = values.smoke ? 5_000 : Number(values.rows ?? 1_000_000);
  const small = values.smoke ? 1_000 : Number(values.small ?? 100_000);
  const url = await ensureDatabase(values.database ?? (values.smoke ? 'c360_bench_import_smoke' : 'c360_bench_import'));
  const dir = join(process.cwd(), '.data', 'bench-import');
  mkdirSync(dir, { recursive: true });
  const files = { large: join(dir, `orders-${rows}.ndjson`), small: join(dir, `orders-${small}.ndjson`), bad: join(dir, `orders-${rows}-1pct-bad.ndjson`) };
  const log = (line: string) => process.stderr.write(`[bench:import] ${line}\n`);
  log(`files: ${rows} and ${small} orders, and ${rows} with 1% bad rows (in ${dir})`);
  if (!existsSync(files.large)) await writeOrders(files.large, rows, 0, 1);
  if (!existsSync(files.small)) await writeOrders(files.small, small, 0, 2);
  if (!existsSync(files.bad)) await writeOrders(files.bad, rows, 100, 1);
  await setUp(url);
  const loadBefore = loadavg();

  await emptyOrders(url);
  const copy = await child('copy', url, files.large);
  log(`raw COPY: ${Math.round(copy.ms)} ms`);
  const copied = await fingerprint(url);
  await emptyOrders(url);
  const imported = await child('import', url, files.large, ['--refresh']);
  log(`import into empty tables: ${Math.round(imported.ms)} ms (+ ${Math.round(imported.afterImportMs ?? 0)} ms value refresh once) ${JSON.stringify(imported.counts)}`);
  const afterImport = await fingerprint(url);
  const replay = await child('import', url, files.large);
  log(`replay as upserts: ${Math.round(replay.ms)} ms ${JSON.stringify(replay.counts)}`);
  const afterReplay = await fingerprint(url);
  const sameEndState = JSON.stringify(copied) === JSON.stringify(afterImport) && JSON.stringify(afterImport) === JSON.stringify(afterReplay);
  log(`end state (rows / hash sum): COPY ${JSON.stringify(copied)}; import ${sameEndState ? 'the same, and unchanged by the replay' : `${JSON.stringify(afterImport)}, replay ${JSON.stringify(afterReplay)}: DIFFERENT, the ratios are void`}`);
  await emptyOrders(url);
  const bad = await child('import', url, files.bad);
  log(`1% bad rows into empty tables: ${Math.round(bad.ms)} ms ${JSON.stringify(bad.counts)}`);
  // The clean file once more right after the bad one: the bad file is compared with the clean runs on either
  // side of it (clean, bad, clean), so a load change on a shared machine does not pass for the bad rows' cost.
  await emptyOrders(url);
  const cleanAgain = await child('import', url, files.large);
  log(`the clean file again into empty tables: ${Math.round(cleanAgain.ms)} ms`);
  await emptyOrders(url);
  const smallRun = await child('import', url, files.small);
  log(`small file (${small}): ${Math.round(smallRun.ms)} ms, peak RSS ${smallRun.maxRssMb} MB; large: ${imported.maxRssMb} MB`);

  const rate = (m: Measured) => (m.counts.read / m.ms) * 1000;
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    rows,
    small,
    fileBytes: statSync(files.large).size,
    ms: { copy: copy.ms, import: imported.ms, valueRefreshOnce: imported.afterImportMs, replay: replay.ms, bad: bad.ms, cleanAgain: cleanAgain.ms, small: smallRun.ms },
    rowsPerSecond: { copy: rate(copy), import: rate(imported), replay: rate(replay), bad: rate(bad), cleanAgain: rate(cleanAgain) },
    ratios: { importVsCopy: copy.ms / imported.ms, replayVsCopy: copy.ms / replay.ms, badVsClean: rate(bad) / ((rate(imported) + rate(cleanAgain)) / 2), rssLargeVsSmall: imported.maxRssMb / smallRun.maxRssMb },
    targets: { importVsCopy: 0.8, replayVsCopy: 0.5, badVsClean: 0.9, rssLargeVsSmall: 1.2 },
    peakRssMb: { small: smallRun.maxRssMb, large: imported.maxRssMb, replay: replay.maxRssMb, bad: bad.maxRssMb },
    counts: { import: imported.counts, replay: replay.counts, bad: bad.counts },
    endState: { sameAfterCopyImportAndReplay: sameEndState, copy: copied, import: afterImport, replay: afterReplay },
    timings: { import: imported.timings, replay: replay.timings, bad: bad.timings, small: smallRun.timings },
    loadAverage: { before: loadBefore, after: loadavg() },
  };
  const r = result.ratios;
  const md = [
    `# R4 bulk import (${result.at})`,
    '',
    `${rows.toLocaleString('en')} orders with 1-4 lines (${(result.fileBytes / 2 ** 20).toFixed(0)} MiB NDJSON), PostgreSQL, ${result.machine.cpus} CPUs (${result.machine.cpu}), shared machine. Command: \`npm run bench:import -- --rows ${rows} --small ${small}\`.`,
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| import into empty tables ÷ raw COPY (time ratio) | ${r.importVsCopy.toFixed(2)} | ≥ 0.8 |`,
    `| replay as upserts ÷ raw COPY | ${r.replayVsCopy.toFixed(2)} | ≥ 0.5 |`,
    `| 1% bad rows ÷ clean (rows/s; clean = mean of the clean runs before and after the bad one) | ${r.badVsClean.toFixed(2)} | ≥ 0.9 |`,
    `| peak RSS ${rows.toLocaleString('en')} ÷ ${small.toLocaleString('en')} rows | ${r.rssLargeVsSmall.toFixed(2)} (${result.peakRssMb.large} / ${result.peakRssMb.small} MB) | ≤ 1.2 |`,
    `| rows/s: raw COPY / import / replay / 1% bad / clean again | ${[result.rowsPerSecond.copy, result.rowsPerSecond.import, result.rowsPerSecond.replay, result.rowsPerSecond.bad, result.rowsPerSecond.cleanAgain].map((x) => Math.round(x).toLocaleString('en')).join(' / ')} | |`,
    `| value refresh, once after the import (not in the ratio) | ${Math.round(result.ms.valueRefreshOnce ?? 0)} ms | |`,
    `| import time: staging / validation / merge | ${split(imported.timings)} | |`,
    `| same end state, COPY = import = import + replay (rows and hash sum of orders, lines, stock ledger, stock levels, outbox events) | ${sameEndState ? 'yes' : 'NO: ratios void'} | yes |`,
    `| load average (1 / 5 / 15 min) before → after | ${loadBefore.map((x) => x.toFixed(1)).join(' / ')} → ${result.loadAverage.after.map((x) => x.toFixed(1)).join(' / ')} | |`,
    '',
  ].join('\n');
  process.stdout.write(`${md}\n`);
  if (!values.smoke) {
    writeFileSync(join(__dirname, '..', '..', 'bench', 'results', 'import.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(__dirname, '..', '..', 'bench', 'results', 'import.md'), `${md}\n`);
  }
  if (!sameEndState) throw new Error('the import and the raw COPY left different tables: the ratios compare different work');
  if (imported.counts.inserted !== rows || cleanAgain.counts.inserted !== rows || replay.counts.unchanged !== rows || bad.counts.rejected !== Math.floor(rows / 100)) throw new Error('the import did not report the expected counts');
  // One order.recorded per order, and none for the replay (the fingerprints above already equal).
  if (!afterReplay.outbox.startsWith(`${rows} / `)) throw new Error('the import did not record one event per order');
}

main().catch((error: Error) => {
  process.stderr.write(`bench:import failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
