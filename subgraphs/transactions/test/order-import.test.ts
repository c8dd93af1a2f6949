import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, ImportJobState, ImportRunner, tombstoneOfId, type Caller, type ImportFormat } from '@c360/shared';
import { storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { createTransactionsImport, type TransactionsImport } from '../src/import';
import { inStockProducts, startSeededHarness } from './fixtures';

const erp: Caller = { clientId: 'erp-test', kind: CallerKind.ERP_INTEGRATION, scopes: ['orders:write', 'customers:read'], purpose: 'SERVICE' };
const [a, b] = inStockProducts;

/** A file's text, streamed in small chunks so lines straddle chunk boundaries as they do over a network. */
const streamOf = (text: string) => Readable.from(text.match(/[\s\S]{1,7}/g) ?? []);
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

describe(`bulk order import on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let imports: TransactionsImport;
  const known = new Set<string>();
  let refreshes = 0;
  const customer = () => {
    const id = randomUUID();
    known.add(id);
    return id;
  };
  const order = (overrides: Record<string, unknown> = {}) => ({
    externalId: `ext-${randomUUID()}`,
    customerId: customer(),
    channel: 'WEB',
    currency: 'EUR',
    occurredAt: '2026-01-15T10:00:00.000Z',
    lines: [{ sku: a.sku, quantity: 2 }, { sku: b.sku, quantity: 1, unitPrice: 3.5 }],
    ...overrides,
  });
  const run = (text: string, options: { format?: ImportFormat; sourceSystem?: string; resumeJobId?: string; batchRows?: number } = {}) => {
    const runner = options.batchRows ? new ImportRunner(harness.dataSource, imports.jobs, { batchRows: options.batchRows }) : imports.runner;
    return runner.run({ kind: imports.kinds[0], caller: erp, source: streamOf(text), format: options.format ?? 'ndjson', sourceSystem: options.sourceSystem ?? 'erp-a', resumeJobId: options.resumeJobId });
  };
  const orderCount = async (sourceSystem: string) => Number((await harness.dataSource.query(`SELECT count(*) AS n FROM transactions.customer_order WHERE source_system = $1`, [sourceSystem]))[0].n);

  beforeAll(async () => {
    harness = await startSeededHarness();
    imports = createTransactionsImport(harness.dataSource, { unknownAmong: async (ids) => ids.filter((id) => !known.has(id)) }, async () => void refreshes++);
  });
  afterAll(() => harness.close());

  it('imports orders with their lines, priced from the catalogue unless the file gives a price', async () => {
    const row = order();
    const job = await run(ndjson([row]), { sourceSystem: 'erp-price' });
    expect(job).toMatchObject({ state: ImportJobState.DONE, counts: { read: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0 } });
    const [stored] = await harness.dataSource.query(`SELECT o.total::float8 AS total, o.customer_id, (SELECT array_agg(unit_price::float8 ORDER BY line_no) FROM transactions.order_line WHERE order_id = o.id) AS prices FROM transactions.customer_order o WHERE external_id = $1`, [row.externalId]);
    expect(stored).toEqual({ total: Math.round((a.price * 2 + 3.5) * 100) / 100, customer_id: row.customerId, prices: [a.price, 3.5] });
  });

  it('replaying the same file changes nothing and reports every row unchanged', async () => {
    const text = ndjson([order(), order(), order({ lines: [{ sku: a.sku, quantity: 1 }] })]);
    const first = await run(text, { sourceSystem: 'erp-replay' });
    const stockAfterFirst = (await harness.dataSource.query(`SELECT stock_level FROM transactions.product WHERE sku = $1`, [a.sku]))[0].stock_level;
    const replay = await run(text, { sourceSystem: 'erp-replay' });
    expect(first.counts).toEqual({ read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(replay.counts).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await orderCount('erp-replay')).toBe(3);
    expect((await harness.dataSource.query(`SELECT stock_level FROM transactions.product WHERE sku = $1`, [a.sku]))[0].stock_level).toBe(stockAfterFirst);
  });

  it('imported sales go through the stock ledger: one dated after the last ERP count moves stock, an earlier one does not', async () => {
    const level = async () => Number((await harness.dataSource.query(`SELECT stock_level FROM transactions.product WHERE sku = $1`, [a.sku]))[0].stock_level);
    const countedAt = new Date('2026-03-01T00:00:00.000Z');
    await harness.dataSource.query(`UPDATE transactions.product SET stock_as_of = $2, stock_erp_level = 100, stock_level = 100 WHERE sku = $1`, [a.sku, countedAt]);
    const before = order({ occurredAt: '2026-02-01T10:00:00.000Z', lines: [{ sku: a.sku, quantity: 4 }] });
    const after = order({ occurredAt: '2026-03-02T10:00:00.000Z', lines: [{ sku: a.sku, quantity: 3 }] });
    await run(ndjson([before, after]), { sourceSystem: 'erp-ledger' });
    expect(await level()).toBe(97);
    const sales = await harness.dataSource.query(
      `SELECT m.delta FROM transactions.stock_movement m JOIN transactions.customer_order o ON m.movement_key = 'sale:' || o.id || ':' || m.sku WHERE o.source_system = 'erp-ledger' ORDER BY m.delta`,
    );
    expect(sales.map((r: { delta: number }) => Number(r.delta))).toEqual([-4, -3]);
  });

  it('reports a re-sent order with different content as a conflict and keeps the original', async () => {
    const original = order();
    await run(ndjson([original]), { sourceSystem: 'erp-conflict' });
    const changedQuantity = { ...original, lines: [{ sku: a.sku, quantity: 3 }, original.lines[1]] };
    const changedCustomer = { ...original, customerId: customer() };
    const extraLine = { ...original, lines: [...original.lines, { sku: b.sku, quantity: 1 }] };
    const job = await run(ndjson([changedQuantity, changedCustomer, extraLine, original]), { sourceSystem: 'erp-conflict' });
    expect(job.counts).toEqual({ read: 4, inserted: 0, updated: 0, unchanged: 1, rejected: 3 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([1, 2, 3].map((lineNo) => ({ lineNo, field: 'externalId', reason: 'was already imported with different content' })));
    const [stored] = await harness.dataSource.query(`SELECT customer_id, (SELECT sum(quantity)::int FROM transactions.order_line WHERE order_id = o.id) AS units FROM transactions.customer_order o WHERE source_system = 'erp-conflict'`);
    expect(stored).toEqual({ customer_id: original.customerId, units: 3 });
  });

  it('treats the same external id twice in one file as one order, and a different second copy as a conflict', async () => {
    const row = order();
    const job = await run(ndjson([row, row, { ...row, channel: 'STORE' }]), { sourceSystem: 'erp-dup' });
    expect(job.counts).toEqual({ read: 3, inserted: 1, updated: 0, unchanged: 1, rejected: 1 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 3, field: 'externalId', reason: 'was already imported with different content' }]);
  });

  it('rejects bad rows with their exact line number, field and reason, and imports every good row around them', async () => {
    const erased = customer();
    await harness.dataSource.query(`INSERT INTO transactions.erased_customer (customer_hash, erased_at) VALUES ($1, now())`, [tombstoneOfId(erased)]);
    const secret = 'SECRET-VALUE-7731';
    const rows = [
      order(), // 1
      '{"externalId": "broken', // 2
      '', // 3: blank, still counted as a line
      order({ customerId: randomUUID() }), // 4
      order({ customerId: erased }), // 5
      order({ channel: secret }), // 6
      order({ lines: [{ sku: a.sku, quantity: 1 }, { sku: secret, quantity: 1 }] }), // 7
      order({ lines: [{ sku: a.sku, quantity: 0 }] }), // 8
      order({ customerId: secret }), // 9
      order({ occurredAt: '2999-01-01T00:00:00Z' }), // 10
      order({ lines: [] }), // 11
      order({ currency: 'USD' }), // 12
      order({ lines: [{ sku: a.sku, quantity: 1, unitPrice: 1.234 }] }), // 13
      [1, 2], // 14
      order({ externalId: 'nul\u0000inside' }), // 15: would fail the whole batch's COPY if it reached it
      order({ occurredAt: '0000-01-01T00:00:00Z' }), // 16: a year PostgreSQL refuses
      order(), // 17
    ];
    const job = await run(ndjson(rows), { sourceSystem: 'erp-bad', batchRows: 4 });
    expect(job.counts).toEqual({ read: 16, inserted: 2, updated: 0, unchanged: 0, rejected: 14 });
    const report = await imports.jobs.badRows(job.id, 100);
    expect(report).toEqual([
      { lineNo: 2, field: '(line)', reason: 'not valid JSON' },
      { lineNo: 4, field: 'customerId', reason: 'unknown customer' },
      { lineNo: 5, field: 'customerId', reason: 'customer was erased' },
      { lineNo: 6, field: 'channel', reason: 'is not a sales channel' },
      { lineNo: 7, field: 'lines[1].sku', reason: 'is not in the catalogue' },
      { lineNo: 8, field: 'lines[0].quantity', reason: 'must be 1 to 1000' },
      { lineNo: 9, field: 'customerId', reason: 'must be a UUID' },
      { lineNo: 10, field: 'occurredAt', reason: 'is in the future' },
      { lineNo: 11, field: 'lines', reason: 'must hold 1 to 100 items' },
      { lineNo: 12, field: 'lines[0].sku', reason: "is priced in another currency than the order's" },
      { lineNo: 13, field: 'lines[0].unitPrice', reason: 'must be 0 to 99999.99 with at most 2 decimals' },
      { lineNo: 14, field: '(line)', reason: 'not a JSON object' },
      { lineNo: 15, field: 'externalId', reason: 'must not contain NUL characters' },
      { lineNo: 16, field: 'occurredAt', reason: 'must be an ISO 8601 date-time' },
    ]);
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(await orderCount('erp-bad')).toBe(2);
    // A rejected order leaves no line behind.
    expect(Number((await harness.dataSource.query(`SELECT count(*) AS n FROM transactions.order_line l JOIN transactions.customer_order o ON o.id = l.order_id WHERE o.source_system = 'erp-bad'`))[0].n)).toBe(4);
  });

  it('imports the same orders from CSV (lines as a JSON array) with header-aware line numbers', async () => {
    const rows = [order(), order({ status: 'REFUNDED' })];
    const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const csv = ['externalId,customerId,channel,currency,occurredAt,status,lines', ...rows.map((r) => [r.externalId, r.customerId, r.channel, r.currency, r.occurredAt, (r as { status?: string }).status ?? '', csvCell(JSON.stringify(r.lines))].join(',')), 'too,few,fields', ''].join('\n');
    const job = await run(csv, { format: 'csv', sourceSystem: 'erp-csv' });
    expect(job.counts).toEqual({ read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 4, field: '(line)', reason: 'has 3 fields, the header has 7' }]);
    const replayAsNdjson = await run(ndjson(rows), { sourceSystem: 'erp-csv' });
    expect(replayAsNdjson.counts).toEqual({ read: 2, inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it('an interrupted import keeps only whole batches and resumes after the last committed line', async () => {
    const rows = Array.from({ length: 10 }, () => order());
    const text = ndjson(rows);
    const cut = text.split('\n').slice(0, 7).join('\n') + '\n' + text.split('\n')[7].slice(0, 20); // dies inside line 8
    const broken = Readable.from((async function* () {
      yield cut;
      throw new Error('connection reset by peer');
    })());
    const small = new ImportRunner(harness.dataSource, imports.jobs, { batchRows: 3 });
    let jobId = '';
    await expect(small.run({ kind: imports.kinds[0], caller: erp, source: broken, format: 'ndjson', sourceSystem: 'erp-resume', onStart: (id) => (jobId = id) })).rejects.toThrow('connection reset');
    const failed = (await imports.jobs.find(jobId))!;
    expect(failed).toMatchObject({ state: ImportJobState.FAILED, lastLine: 6, counts: { read: 6, inserted: 6 } });
    expect(await orderCount('erp-resume')).toBe(6); // lines 1-6 in two whole batches; line 7 (read, uncommitted) rolled back
    const resumed = await small.run({ kind: imports.kinds[0], caller: erp, source: streamOf(text), format: 'ndjson', sourceSystem: 'erp-resume', resumeJobId: jobId });
    expect(resumed).toMatchObject({ id: jobId, state: ImportJobState.DONE, lastLine: 10, counts: { read: 10, inserted: 10, unchanged: 0, rejected: 0 } });
    expect(await orderCount('erp-resume')).toBe(10);
    await expect(small.run({ kind: imports.kinds[0], caller: erp, source: streamOf(text), format: 'ndjson', sourceSystem: 'erp-resume', resumeJobId: jobId })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('a resumed job keeps the source system it started with, whatever the resuming request names (one file, one key space)', async () => {
    const text = ndjson(Array.from({ length: 6 }, () => order()));
    const broken = Readable.from((async function* () {
      yield text.split('\n').slice(0, 4).join('\n') + '\n';
      throw new Error('connection reset by peer');
    })());
    const small = new ImportRunner(harness.dataSource, imports.jobs, { batchRows: 2 });
    let jobId = '';
    await expect(small.run({ kind: imports.kinds[0], caller: erp, source: broken, format: 'ndjson', sourceSystem: 'erp-resume-keep', onStart: (id) => (jobId = id) })).rejects.toThrow('connection reset');
    const resumed = await small.run({ kind: imports.kinds[0], caller: erp, source: streamOf(text), format: 'ndjson', sourceSystem: 'erp-resume-elsewhere', resumeJobId: jobId });
    expect(resumed).toMatchObject({ id: jobId, state: ImportJobState.DONE, sourceSystem: 'erp-resume-keep' });
    expect([await orderCount('erp-resume-keep'), await orderCount('erp-resume-elsewhere')]).toEqual([6, 0]);
  });

  it('refreshes value scores once after an import, however many batches it had', async () => {
    const before = refreshes;
    const small = new ImportRunner(harness.dataSource, imports.jobs, { batchRows: 2 });
    await small.run({ kind: imports.kinds[0], caller: erp, source: streamOf(ndjson(Array.from({ length: 7 }, () => order()))), format: 'ndjson', sourceSystem: 'erp-refresh' });
    expect(refreshes).toBe(before + 1);
    await small.run({ kind: imports.kinds[0], caller: erp, source: streamOf(ndjson(['{'])), format: 'ndjson', sourceSystem: 'erp-refresh' });
    expect(refreshes).toBe(before + 1); // nothing inserted: nothing to refresh
  });

  it('answers importJob(id) with state, counts, timings and bad rows for ERP callers only', async () => {
    const job = await run(ndjson([order(), '{']), { sourceSystem: 'erp-query' });
    const query = `query Job($id: ID!) { importJob(id: $id) { state counts { read inserted updated unchanged rejected } timings { stageMs mergeMs startedAt finishedAt } badRows(first: 5) { lineNo field reason } } }`;
    const result = await harness.execute<{ importJob: Record<string, unknown> }, { id: string }>(query, { id: job.id }, erp);
    expect(result.errors).toBeUndefined();
    expect(result.data!.importJob).toMatchObject({ state: 'DONE', counts: { read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 }, badRows: [{ lineNo: 2, field: '(line)', reason: 'not valid JSON' }] });
    const internal = await harness.execute(query, { id: job.id });
    expect(internal.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('shows a job only to the ERP client that started it: another integration cannot read or resume it', async () => {
    const job = await run(ndjson([order(), '{']), { sourceSystem: 'erp-own' });
    const otherErp: Caller = { ...erp, clientId: 'erp-other' };
    const query = `query Job($id: ID!) { importJob(id: $id) { state badRows(first: 5) { lineNo } } }`;
    const missing = await harness.execute(query, { id: '00000000-0000-4000-8000-000000000000' }, otherErp);
    const foreign = await harness.execute(query, { id: job.id }, otherErp);
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message.replace(job.id, '<id>')).toBe(missing.errors?.[0].message.replace('00000000-0000-4000-8000-000000000000', '<id>'));
    await expect(imports.runner.run({ kind: imports.kinds[0], caller: otherErp, source: streamOf(ndjson([order()])), format: 'ndjson', sourceSystem: 'erp-own', resumeJobId: job.id })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
