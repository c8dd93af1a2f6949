import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, ImportJobState, ImportRunner, type Caller, type ImportKind } from '@c360/shared';
import { storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { createTransactionsImport, type TransactionsImport } from '../src/import';
import { MAX_LEVELS_PER_CALL } from '../src/stock/stock.limits';
import { minutesAgo, newProduct, setStockLevels, upsertProducts } from './erp-fixtures';
import { inStockProducts, startSeededHarness } from './fixtures';

const erp: Caller = { clientId: 'erp-events', kind: CallerKind.ERP_INTEGRATION, scopes: ['orders:write', 'stock:write'], purpose: 'SERVICE' };
const [a, b] = inStockProducts;

const streamOf = (text: string) => Readable.from(text.match(/[\s\S]{1,7}/g) ?? []);
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

interface OutboxEvent {
  type: string;
  customerId: string | null;
  payload: Record<string, unknown>;
}

/** Issue 15: an imported order or stock change is announced exactly as the single-row mutations announce it. */
describe(`events of the transactions imports on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let imports: TransactionsImport;
  const known = new Set<string>();
  const customer = () => {
    const id = randomUUID();
    known.add(id);
    return id;
  };
  const kind = (name: string) => imports.kinds.find((k) => k.name === name)!;
  const run = (name: string, text: string, sourceSystem = 'erp-events', kindOf: (k: ImportKind) => ImportKind = (k) => k) =>
    new ImportRunner(harness.dataSource, imports.jobs).run({ kind: kindOf(kind(name)), caller: erp, source: streamOf(text), format: 'ndjson', sourceSystem });
  /** The outbox's last row number: what a run writes comes after it. */
  const mark = async () => Number((await harness.dataSource.query(`SELECT coalesce(max(seq), 0) AS seq FROM transactions.outbox`))[0].seq);
  const eventsSince = async (seq: number): Promise<OutboxEvent[]> =>
    harness.dataSource.query(`SELECT type, customer_id AS "customerId", payload FROM transactions.outbox WHERE seq > $1 ORDER BY seq`, [seq]);
  const orderIdOf = async (sourceSystem: string, externalId: string) =>
    ((await harness.dataSource.query(`SELECT id FROM transactions.customer_order WHERE source_system = $1 AND external_id = $2`, [sourceSystem, externalId]))[0] as { id: string } | undefined)?.id;
  const order = (customerId: string, overrides: Record<string, unknown> = {}) => ({
    externalId: `ev-${randomUUID()}`,
    customerId,
    channel: 'WEB',
    currency: 'EUR',
    occurredAt: '2026-01-15T10:00:00.000Z',
    lines: [{ sku: a.sku, quantity: 1 }],
    ...overrides,
  });
  /** The kind with a merge that fails after it wrote everything: its batch must leave nothing behind. */
  const failingAfterMerge = (k: ImportKind): ImportKind => ({
    ...k,
    async merge(context) {
      await k.merge(context);
      throw new Error('the batch fails after its merge');
    },
  });

  beforeAll(async () => {
    harness = await startSeededHarness();
    imports = createTransactionsImport(harness.dataSource, { unknownAmong: async (ids) => ids.filter((id) => !known.has(id)) }, async () => undefined);
  });
  afterAll(() => harness.close());

  it('records one order.recorded per new order, about its customer and in file order; none for a re-sent, conflicting or bad row, none on replay', async () => {
    const source = `erp-orders-${randomUUID().slice(0, 8)}`;
    const [x, y] = [customer(), customer()];
    const earlier = order(y);
    await run('orders', ndjson([earlier]), source);
    const first = order(x, { occurredAt: '2026-01-16T10:00:00.000Z' });
    const cancelled = order(y, { status: 'CANCELLED', lines: [{ sku: b.sku, quantity: 2 }] });
    const second = order(x, { occurredAt: '2026-01-14T10:00:00.000Z' }); // earlier in time, later in the file: the file's order holds
    const rows = [
      first, // 1 new
      order(x, { lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] }), // 2 bad line
      earlier, // 3 re-sent, unchanged
      cancelled, // 4 new
      order(randomUUID()), // 5 unknown customer
      { ...earlier, channel: 'STORE' }, // 6 re-sent with other content: a conflict
      second, // 7 new
      first, // 8 the same order again in the file
    ];
    const before = await mark();
    const job = await run('orders', ndjson(rows), source);
    expect(job.counts).toEqual({ read: 8, inserted: 3, updated: 0, unchanged: 2, rejected: 3 });
    const ids = await Promise.all([first, cancelled, second].map((o) => orderIdOf(source, o.externalId)));
    expect(await eventsSince(before)).toEqual([
      { type: 'order.recorded', customerId: x, payload: { orderId: ids[0], status: 'COMPLETED' } },
      { type: 'order.recorded', customerId: y, payload: { orderId: ids[1], status: 'CANCELLED' } },
      { type: 'order.recorded', customerId: x, payload: { orderId: ids[2], status: 'COMPLETED' } },
    ]);

    const replayed = await mark();
    expect((await run('orders', ndjson(rows), source)).counts).toMatchObject({ inserted: 0, unchanged: 5 });
    expect(await eventsSince(replayed)).toEqual([]);
  });

  it('a batch that fails leaves neither its orders nor their events', async () => {
    const source = `erp-fail-${randomUUID().slice(0, 8)}`;
    const row = order(customer());
    const before = await mark();
    await expect(run('orders', ndjson([row]), source, failingAfterMerge)).rejects.toThrow('the batch fails after its merge');
    expect(await orderIdOf(source, row.externalId)).toBeUndefined();
    expect(await eventsSince(before)).toEqual([]);
    // The same file through the real kind: the order and its one event.
    const job = await run('orders', ndjson([row]), source);
    expect(job).toMatchObject({ state: ImportJobState.DONE, counts: { inserted: 1 } });
    expect(await eventsSince(before)).toEqual([{ type: 'order.recorded', customerId: row.customerId, payload: { orderId: await orderIdOf(source, row.externalId), status: 'COMPLETED' } }]);
  });

  /** Fresh products of this test only, counted an hour ago. */
  const products = async (count: number) => {
    const created = Array.from({ length: count }, () => newProduct());
    expect((await upsertProducts(harness, created)).errors).toBeUndefined();
    const skus = created.map((p) => p.sku).sort();
    expect((await setStockLevels(harness, `count-${randomUUID()}`, minutesAgo(60), skus.map((sku) => ({ sku, level: 100 })))).errors).toBeUndefined();
    return skus;
  };

  it('records stock.level_changed naming the skus whose level a snapshot set, as setStockLevels does; none for stale, re-sent or bad rows', async () => {
    const [p, q, r] = await products(3);
    const snapshot = `snap-${randomUUID()}`;
    const asOf = minutesAgo(30);
    const rows = [
      { snapshotId: snapshot, asOf, sku: q, level: 5 }, // applies
      { snapshotId: snapshot, asOf, sku: 'NO-SUCH-SKU', level: 1 }, // bad
      { snapshotId: `old-${randomUUID()}`, asOf: minutesAgo(90), sku: r, level: 7 }, // older than r's count: recorded, not applied
      { snapshotId: snapshot, asOf, sku: p, level: 100 }, // applies (the count is newer, whatever the level)
      { snapshotId: snapshot, asOf, sku: q, level: 6 }, // the same pair with another level: a conflict
    ];
    const before = await mark();
    const job = await run('stock-levels', ndjson(rows));
    expect(job.counts).toEqual({ read: 5, inserted: 2, updated: 0, unchanged: 1, rejected: 2 });
    expect(await eventsSince(before)).toEqual([{ type: 'stock.level_changed', customerId: null, payload: { skus: [p, q], source: 'SNAPSHOT' } }]);

    const replayed = await mark();
    expect((await run('stock-levels', ndjson(rows))).counts).toMatchObject({ inserted: 0 });
    expect(await eventsSince(replayed)).toEqual([]);

    const failed = await mark();
    await expect(run('stock-levels', ndjson([{ snapshotId: `snap-${randomUUID()}`, asOf: minutesAgo(10), sku: r, level: 3 }]), 'erp-events', failingAfterMerge)).rejects.toThrow();
    expect(await eventsSince(failed)).toEqual([]);
  });

  it('splits a batch of levels into events of at most the skus one setStockLevels call may set, each sku named once', async () => {
    const tag = randomUUID().slice(0, 8).toUpperCase();
    const count = MAX_LEVELS_PER_CALL + 1;
    await harness.dataSource.query(
      `INSERT INTO transactions.product (sku, name, category, price, currency, stock_level, updated_at)
       SELECT 'CHUNK-' || $1 || '-' || lpad(g::text, 5, '0'), 'Chunk', 'Bench', 1, 'EUR', 0, now() FROM generate_series(1, $2::int) g`,
      [tag, count],
    );
    const skus = Array.from({ length: count }, (_, i) => `CHUNK-${tag}-${String(i + 1).padStart(5, '0')}`);
    const snapshot = `snap-${randomUUID()}`;
    const asOf = minutesAgo(1);
    const before = await mark();
    const job = await run('stock-levels', ndjson([...skus].reverse().map((sku) => ({ snapshotId: snapshot, asOf, sku, level: 1 }))));
    expect(job.counts).toMatchObject({ inserted: count, rejected: 0 });
    const events = await eventsSince(before);
    expect(events.map((e) => [e.type, e.customerId, e.payload.source, (e.payload.skus as string[]).length])).toEqual([
      ['stock.level_changed', null, 'SNAPSHOT', MAX_LEVELS_PER_CALL],
      ['stock.level_changed', null, 'SNAPSHOT', 1],
    ]);
    expect(events.flatMap((e) => e.payload.skus as string[])).toEqual(skus);
  });

  it('records stock.level_changed naming the skus of new movements, as adjustStock does; none for re-sent, conflicting or bad rows', async () => {
    const [p, q, r] = await products(3);
    const at = minutesAgo(5);
    const recorded = `mv-${randomUUID()}`;
    await run('stock-movements', ndjson([{ movementId: recorded, sku: r, delta: 4, occurredAt: at }]));
    const fresh = [`mv-${randomUUID()}`, `mv-${randomUUID()}`, `mv-${randomUUID()}`];
    const rows = [
      { movementId: fresh[0], sku: q, delta: -2, occurredAt: at },
      { movementId: `mv-${randomUUID()}`, sku: 'NO-SUCH-SKU', delta: 1, occurredAt: at }, // bad
      { movementId: recorded, sku: r, delta: 4, occurredAt: at }, // re-sent, unchanged
      { movementId: fresh[1], sku: p, delta: 3, occurredAt: at },
      { movementId: fresh[2], sku: q, delta: 1, occurredAt: at },
      { movementId: fresh[1], sku: p, delta: 9, occurredAt: at }, // the same movement with another delta: a conflict
    ];
    const before = await mark();
    const job = await run('stock-movements', ndjson(rows));
    expect(job.counts).toEqual({ read: 6, inserted: 3, updated: 0, unchanged: 1, rejected: 2 });
    expect(await eventsSince(before)).toEqual([{ type: 'stock.level_changed', customerId: null, payload: { skus: [p, q], source: 'MOVEMENT' } }]);

    const replayed = await mark();
    expect((await run('stock-movements', ndjson(rows))).counts).toMatchObject({ inserted: 0 });
    expect(await eventsSince(replayed)).toEqual([]);

    const failed = await mark();
    await expect(run('stock-movements', ndjson([{ movementId: `mv-${randomUUID()}`, sku: r, delta: 1, occurredAt: minutesAgo(1) }]), 'erp-events', failingAfterMerge)).rejects.toThrow();
    expect(await eventsSince(failed)).toEqual([]);
  });
});
