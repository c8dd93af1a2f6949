import { Readable } from 'node:stream';
import { CallerKind, ImportJobState, ImportRunner, type Caller, type ImportFormat } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { createTransactionsImport, type TransactionsImport } from '../src/import';
import { newProduct, type ProductInput } from './erp-fixtures';
import { orderInput, recordOrder } from './fixtures';

const erp: Caller = { clientId: 'erp-products', kind: CallerKind.ERP_INTEGRATION, scopes: ['catalogue:write'], purpose: 'SERVICE' };

const streamOf = (text: string) => Readable.from(text.match(/[\s\S]{1,7}/g) ?? []);
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

describe(`bulk product import on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let imports: TransactionsImport;

  const run = (text: string, format: ImportFormat = 'ndjson') =>
    imports.runner.run({ kind: imports.kinds.find((k) => k.name === 'products')!, caller: erp, source: streamOf(text), format, sourceSystem: 'erp-catalogue' });
  const stored = async (sku: string) =>
    (await harness.dataSource.query(`SELECT name, category, price::text AS price, currency, active, stock_level FROM transactions.product WHERE sku = $1`, [sku]))[0];
  const history = async (sku: string) =>
    (await harness.dataSource.query(`SELECT price::text AS price FROM transactions.product_price_history WHERE sku = $1 ORDER BY valid_from`, [sku])).map((r: { price: string }) => r.price);

  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph);
    imports = createTransactionsImport(harness.dataSource, { unknownAmong: async () => [] }, async () => undefined);
  });
  afterAll(() => harness.close());

  it('creates new products (without stock until the ERP counts them), and a replay of the file reports every row unchanged', async () => {
    const [lamp, rug] = [newProduct({ price: 12.5 }), newProduct({ name: 'Wool rug', category: 'Home', price: 99999.99, active: false })];
    const text = ndjson([lamp, rug]);
    const first = await run(text);
    expect(first).toMatchObject({ kind: 'products', state: ImportJobState.DONE, counts: { read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 } });
    expect(await stored(lamp.sku)).toEqual({ name: lamp.name, category: lamp.category, price: '12.50', currency: 'EUR', active: true, stock_level: 0 });
    expect(await stored(rug.sku)).toMatchObject({ price: '99999.99', active: false });
    const replay = await run(text);
    expect(replay.counts).toEqual({ read: 2, inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(await history(lamp.sku)).toEqual(['12.50']);
  });

  it('takes a re-sent row with other content as an update: a new price opens a price-history entry and recorded orders keep their price', async () => {
    const lamp = newProduct({ price: 20 });
    await run(ndjson([lamp]));
    const before = await recordOrder(harness, orderInput({ lines: [{ sku: lamp.sku, quantity: 1 }] }));
    expect(before.errors).toBeUndefined();
    const job = await run(ndjson([{ ...lamp, price: 25.9, name: 'Trail lantern XL' }]));
    expect(job.counts).toEqual({ read: 1, inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(await stored(lamp.sku)).toMatchObject({ name: 'Trail lantern XL', price: '25.90' });
    expect(await history(lamp.sku)).toEqual(['20.00', '25.90']);
    const [kept] = await harness.dataSource.query(`SELECT unit_price::text AS price FROM transactions.order_line WHERE order_id = $1`, [before.data!.recordOrder.id]);
    expect(kept.price).toBe('20.00');
    const after = await recordOrder(harness, orderInput({ lines: [{ sku: lamp.sku, quantity: 1 }] }));
    expect(after.data!.recordOrder.lines[0].unitPrice).toBe(25.9);
    // A change without a new price (retiring it) keeps the history as it is.
    expect((await run(ndjson([{ ...lamp, price: 25.9, name: 'Trail lantern XL', active: false }]))).counts.updated).toBe(1);
    expect(await history(lamp.sku)).toEqual(['20.00', '25.90']);
  });

  it('reports bad rows with their exact line number, field and reason (never the value), and imports the rows around them', async () => {
    const secret = 'SECRET-VALUE-4417';
    const good = [newProduct(), newProduct()];
    const rows: unknown[] = [
      good[0], // 1
      { ...newProduct(), name: undefined }, // 2
      { ...newProduct(), price: 1.234 }, // 3
      { ...newProduct(), price: 100000 }, // 4
      { ...newProduct(), price: -1 }, // 5
      { ...newProduct(), currency: 'EUO' }, // 6
      { ...newProduct(), currency: 'eur' }, // 7
      { ...newProduct(), name: `${secret}${'x'.repeat(200)}` }, // 8
      { ...newProduct(), category: 'c'.repeat(65) }, // 9
      { ...newProduct(), sku: `bad sku ${secret}` }, // 10
      { ...newProduct(), active: 'yes' }, // 11
      { ...newProduct(), price: secret }, // 12
      '{"sku": "broken', // 13
      { ...newProduct(), name: '   ' }, // 14
      good[1], // 15
    ];
    const job = await run(ndjson(rows));
    expect(job.counts).toEqual({ read: 15, inserted: 2, updated: 0, unchanged: 0, rejected: 13 });
    const report = await imports.jobs.badRows(job.id, 100);
    expect(report).toEqual([
      { lineNo: 2, field: 'name', reason: 'is required' },
      { lineNo: 3, field: 'price', reason: 'must be 0 to 99999.99 with at most 2 decimals' },
      { lineNo: 4, field: 'price', reason: 'must be 0 to 99999.99 with at most 2 decimals' },
      { lineNo: 5, field: 'price', reason: 'must be 0 to 99999.99 with at most 2 decimals' },
      { lineNo: 6, field: 'currency', reason: 'must be an ISO 4217 code such as EUR' },
      { lineNo: 7, field: 'currency', reason: 'must be an ISO 4217 code such as EUR' },
      { lineNo: 8, field: 'name', reason: 'must be 1 to 200 characters' },
      { lineNo: 9, field: 'category', reason: 'must be 1 to 64 characters' },
      { lineNo: 10, field: 'sku', reason: 'must be 1 to 64 letters, digits or . _ : / - (no spaces), starting with a letter or digit' },
      { lineNo: 11, field: 'active', reason: 'must be true or false' },
      { lineNo: 12, field: 'price', reason: 'must be a decimal number' },
      { lineNo: 13, field: '(line)', reason: 'not valid JSON' },
      { lineNo: 14, field: 'name', reason: 'must be 1 to 200 characters' },
    ]);
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(await stored(good[0].sku)).toBeDefined();
    expect(await stored(good[1].sku)).toBeDefined();
    expect(await stored((rows[2] as ProductInput).sku)).toBeUndefined();
  });

  it('imports the first row of a sku given twice in one file and reports every later one as a bad row', async () => {
    const lamp = newProduct({ price: 10 });
    const job = await run(ndjson([lamp, { ...lamp, price: 11 }, newProduct(), lamp]));
    expect(job.counts).toEqual({ read: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([2, 4].map((lineNo) => ({ lineNo, field: 'sku', reason: 'repeats a sku given earlier in this file' })));
    expect((await stored(lamp.sku)).price).toBe('10.00');
  });

  it('reports a sku repeated in a later batch of the same file, and after a resume, as a bad row; a bad first row takes no sku', async () => {
    const [lamp, rug, vase] = [newProduct({ price: 10 }), newProduct({ price: 20 }), newProduct({ price: 30 })];
    const kind = imports.kinds.find((k) => k.name === 'products')!;
    const small = new ImportRunner(harness.dataSource, imports.jobs, { batchRows: 2 });
    const rows = [
      lamp, // 1
      { ...vase, price: -1 }, // 2: bad, so vase is not taken
      rug, // 3
      { ...lamp, price: 11 }, // 4: lamp again, in the second batch
      vase, // 5: the first good vase
      { ...rug, name: 'Rug again' }, // 6: rug again, in the third batch
      lamp, // 7: lamp again, same content
      { ...vase, price: 31 }, // 8: vase again, fourth batch
    ];
    const job = await small.run({ kind, caller: erp, source: streamOf(ndjson(rows)), format: 'ndjson', sourceSystem: 'erp-catalogue' });
    expect(job.counts).toEqual({ read: 8, inserted: 3, updated: 0, unchanged: 0, rejected: 5 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([
      { lineNo: 2, field: 'price', reason: 'must be 0 to 99999.99 with at most 2 decimals' },
      ...[4, 6, 7, 8].map((lineNo) => ({ lineNo, field: 'sku', reason: 'repeats a sku given earlier in this file' })),
    ]);
    expect([(await stored(lamp.sku)).price, (await stored(rug.sku)).name, (await stored(vase.sku)).price]).toEqual(['10.00', rug.name, '30.00']);

    // Interrupted after two whole batches: the resumed job still knows the skus its committed batches took.
    const [cup, pot] = [newProduct({ price: 1 }), newProduct({ price: 2 })];
    const text = ndjson([cup, pot, newProduct(), newProduct(), { ...cup, price: 5 }, pot]);
    const broken = Readable.from((async function* () {
      yield text.split('\n').slice(0, 4).join('\n') + '\n{"sku"';
      throw new Error('connection reset by peer');
    })());
    let jobId = '';
    await expect(small.run({ kind, caller: erp, source: broken, format: 'ndjson', sourceSystem: 'erp-catalogue', onStart: (id) => (jobId = id) })).rejects.toThrow('connection reset');
    const resumed = await small.run({ kind, caller: erp, source: streamOf(text), format: 'ndjson', sourceSystem: 'erp-catalogue', resumeJobId: jobId });
    expect(resumed).toMatchObject({ state: ImportJobState.DONE, counts: { read: 6, inserted: 4, updated: 0, unchanged: 0, rejected: 2 } });
    expect(await imports.jobs.badRows(jobId, 10)).toEqual([5, 6].map((lineNo) => ({ lineNo, field: 'sku', reason: 'repeats a sku given earlier in this file' })));
    expect((await stored(cup.sku)).price).toBe('1.00');
    // Another job (a replay of the file) takes the skus afresh: its rows are unchanged, not repeats.
    const replay = await small.run({ kind, caller: erp, source: streamOf(text), format: 'ndjson', sourceSystem: 'erp-catalogue' });
    expect(replay.counts).toEqual({ read: 6, inserted: 0, updated: 0, unchanged: 4, rejected: 2 });
  });

  it('imports the same products from CSV with a header row (active optional) and header-aware line numbers', async () => {
    const [a, b] = [newProduct({ price: 3 }), newProduct({ name: 'Lamp, "brass"', price: 4.25 })];
    const csv = [
      'sku,name,category,price,currency,active',
      `${a.sku},${a.name},${a.category},${a.price},${a.currency},`,
      `${b.sku},"Lamp, ""brass""",${b.category},${b.price},${b.currency},false`,
      `${newProduct().sku},Too cheap,Home,-3,EUR,true`,
      '',
    ].join('\n');
    const job = await run(csv, 'csv');
    expect(job.counts).toEqual({ read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 4, field: 'price', reason: 'must be 0 to 99999.99 with at most 2 decimals' }]);
    expect(await stored(a.sku)).toMatchObject({ price: '3.00', active: true });
    expect(await stored(b.sku)).toMatchObject({ name: 'Lamp, "brass"', price: '4.25', active: false });
    expect((await run(csv, 'csv')).counts).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 2, rejected: 1 });
  });
});
