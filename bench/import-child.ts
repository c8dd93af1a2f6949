import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { CallerKind, openStorage } from '@c360/shared';
import { copyIntoStaging } from '@c360/shared/import/staging-copy';
import { openImport } from '../scripts/import-kinds';

/**
 * One measured run in its own process (so peak RSS is this run's): `import` runs the real
 * importer on the file; `copy` is the baseline, a raw COPY of the same rows into the same tables
 * (ids, prices and totals computed client-side, no validation, no conflict handling).
 */
async function main() {
  const { values } = parseArgs({ options: { mode: { type: 'string' }, file: { type: 'string' }, url: { type: 'string' }, 'source-system': { type: 'string' }, refresh: { type: 'boolean' } } });
  const started = performance.now();
  let result: Record<string, unknown>;
  if (values.mode === 'copy') result = await rawCopy(values.url!, values.file!, values['source-system']!);
  else {
    const storage = await openStorage({ databaseUrl: values.url });
    const opened = await openImport('orders', storage, { refreshAfterImport: !!values.refresh });
    const begun = performance.now();
    const job = await opened.runner.run({ kind: opened.kind, caller: { clientId: 'bench', kind: CallerKind.ERP_INTEGRATION, scopes: ['orders:write'] }, source: createReadStream(values.file!), format: 'ndjson', sourceSystem: values['source-system']! });
    const total = performance.now() - begun;
    result = { ms: total - (job.timings.afterImportMs ?? 0), afterImportMs: job.timings.afterImportMs, counts: job.counts, timings: job.timings };
    await opened.close();
    await storage.close();
  }
  process.stdout.write(`${JSON.stringify({ ...result, wallMs: performance.now() - started, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

async function rawCopy(url: string, file: string, sourceSystem: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  const prices = new Map<string, number>((await client.query('SELECT sku, price::float8 AS price FROM transactions.product')).rows.map((r) => [r.sku, r.price]));
  const begun = performance.now();
  const now = new Date().toISOString();
  let orders: string[] = [];
  let lines: string[] = [];
  let rows = 0;
  const flush = async () => {
    await copyIntoStaging(client, 'transactions.customer_order', ['id', 'customer_id', 'total', 'currency', 'channel', 'status', 'occurred_at', 'source_system', 'external_id', 'recorded_at'], orders);
    await copyIntoStaging(client, 'transactions.order_line', ['order_id', 'line_no', 'sku', 'quantity', 'unit_price', 'line_total'], lines);
    orders = [];
    lines = [];
  };
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const o = JSON.parse(text) as { externalId: string; customerId: string; channel: string; currency: string; occurredAt: string; lines: { sku: string; quantity: number; unitPrice?: number }[] };
    const id = randomUUID();
    let total = 0;
    o.lines.forEach((l, i) => {
      const unit = l.unitPrice ?? prices.get(l.sku)!;
      total += unit * l.quantity;
      lines.push(`${id},${i},${l.sku},${l.quantity},${unit.toFixed(2)},${(unit * l.quantity).toFixed(2)}\n`);
    });
    orders.push(`${id},${o.customerId},${total.toFixed(2)},${o.currency},${o.channel},COMPLETED,${o.occurredAt},${sourceSystem},${o.externalId},${now}\n`);
    if (++rows % 20_000 === 0) await flush();
  }
  await flush();
  const ms = performance.now() - begun;
  await client.end();
  return { ms, counts: { read: rows } };
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
