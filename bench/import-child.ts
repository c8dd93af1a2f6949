import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { CallerKind, EVENT_VERSIONS, openStorage } from '@c360/shared';
import { copyIntoStaging } from '@c360/shared/import/staging-copy';
import { openImport } from '../scripts/import-kinds';

/**
 * One measured run in its own process (so peak RSS is this run's): `import` runs the real
 * importer on the file; `copy` is the baseline (rawCopy below).
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

/**
 * The baseline: the same end state as the importer's, written the cheapest way — orders, lines,
 * the stock ledger's SALE entries and each order's `order.recorded` outbox event (as recordOrder
 * writes it) COPYed straight into the real tables in one transaction per batch (every index,
 * check and foreign key in place), then each product's cached stock level moved in one UPDATE.
 * Ids, prices, totals, payloads and the per-sku deltas are computed client-side; no validation,
 * no conflict handling. 20,000 orders per transaction, as the importer's batches.
 */
async function rawCopy(url: string, file: string, sourceSystem: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  const catalogue = new Map<string, { price: number; asOf: number | null }>(
    (await client.query('SELECT sku, price::float8 AS price, stock_as_of FROM transactions.product')).rows.map((r) => [r.sku, { price: r.price, asOf: r.stock_as_of ? new Date(r.stock_as_of).getTime() : null }]),
  );
  const begun = performance.now();
  const now = new Date().toISOString();
  const moved = new Map<string, number>();
  let orders: string[] = [];
  let lines: string[] = [];
  let sales: string[] = [];
  let events: string[] = [];
  let rows = 0;
  const write = async (batch: { orders: string[]; lines: string[]; sales: string[]; events: string[] }) => {
    await client.query('BEGIN');
    await copyIntoStaging(client, 'transactions.customer_order', ['id', 'customer_id', 'total', 'currency', 'channel', 'status', 'occurred_at', 'source_system', 'external_id', 'recorded_at'], batch.orders);
    await copyIntoStaging(client, 'transactions.order_line', ['order_id', 'line_no', 'sku', 'quantity', 'unit_price', 'line_total'], batch.lines);
    await copyIntoStaging(client, 'transactions.stock_movement', ['movement_key', 'source', 'sku', 'delta', 'occurred_at', 'recorded_at'], batch.sales);
    await copyIntoStaging(client, 'transactions.outbox', ['id', 'type', 'version', 'occurred_at', 'customer_id', 'payload'], batch.events);
    await client.query('COMMIT');
  };
  // Pipelined: the next batch is parsed while the database writes the previous one
  // (one batch in flight, so memory stays flat); a baseline that waited for each COPY would leave a core idle.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    const batch = { orders, lines, sales, events };
    orders = [];
    lines = [];
    sales = [];
    events = [];
    writing = write(batch);
    writing.catch(() => undefined); // awaited at the next flush or at the end; never an unhandled rejection meanwhile
  };
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const o = JSON.parse(text) as { externalId: string; customerId: string; channel: string; currency: string; occurredAt: string; lines: { sku: string; quantity: number; unitPrice?: number }[] };
    const id = randomUUID();
    const occurred = new Date(o.occurredAt);
    let total = 0;
    const sold = new Map<string, number>();
    o.lines.forEach((l, i) => {
      const unit = l.unitPrice ?? catalogue.get(l.sku)!.price;
      total += unit * l.quantity;
      lines.push(`${id},${i},${l.sku},${l.quantity},${unit.toFixed(2)},${(unit * l.quantity).toFixed(2)}\n`);
      sold.set(l.sku, (sold.get(l.sku) ?? 0) + l.quantity);
    });
    for (const [sku, quantity] of sold) {
      sales.push(`sale:${id}:${sku},SALE,${sku},${-quantity},${occurred.toISOString()},${now}\n`);
      const asOf = catalogue.get(sku)!.asOf;
      if (asOf === null || occurred.getTime() > asOf) moved.set(sku, (moved.get(sku) ?? 0) - quantity);
    }
    orders.push(`${id},${o.customerId},${total.toFixed(2)},${o.currency},${o.channel},COMPLETED,${occurred.toISOString()},${sourceSystem},${o.externalId},${now}\n`);
    // The payload as CSV: one quoted field, its quotes doubled.
    events.push(`${randomUUID()},order.recorded,${EVENT_VERSIONS['order.recorded']},${now},${o.customerId},"${JSON.stringify({ orderId: id, status: 'COMPLETED' }).replace(/"/g, '""')}"\n`);
    if (++rows % 20_000 === 0) await flush();
  }
  await flush();
  await writing;
  await client.query(
    `UPDATE transactions.product p SET stock_level = p.stock_level + m.delta, updated_at = $3::timestamptz
     FROM unnest($1::text[], $2::int[]) AS m(sku, delta) WHERE p.sku = m.sku AND m.delta <> 0`,
    [[...moved.keys()], [...moved.values()], now],
  );
  const ms = performance.now() - begun;
  await client.end();
  return { ms, counts: { read: rows } };
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
