import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, ImportJobState, ImportRunner, type Caller, type ImportFormat } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { createTransactionsImport, type TransactionsImport } from '../src/import';
import { adjustStock, minutesAgo, newProduct, setStockLevels, stockView, upsertProducts } from './erp-fixtures';

const erp: Caller = { clientId: 'erp-stock', kind: CallerKind.ERP_INTEGRATION, scopes: ['stock:write'], purpose: 'SERVICE' };

const streamOf = (text: string) => Readable.from(text.match(/[\s\S]{1,7}/g) ?? []);
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const CONFLICT = 'was already imported with different content';

describe(`bulk stock-movement import on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let imports: TransactionsImport;

  const run = (text: string, options: { format?: ImportFormat; batchRows?: number } = {}) => {
    const runner = options.batchRows ? new ImportRunner(harness.dataSource, imports.jobs, { batchRows: options.batchRows }) : imports.runner;
    return runner.run({ kind: imports.kinds.find((k) => k.name === 'stock-movements')!, caller: erp, source: streamOf(text), format: options.format ?? 'ndjson', sourceSystem: 'erp-stock' });
  };
  /** Fresh catalogue products of this test only, each counted at 100 an hour ago, so no stock assertion sees another test's writes. */
  const products = async (count: number) => {
    const created = Array.from({ length: count }, () => newProduct());
    expect((await upsertProducts(harness, created)).errors).toBeUndefined();
    const skus = created.map((p) => p.sku);
    expect((await setStockLevels(harness, `count-${randomUUID()}`, minutesAgo(60), skus.map((sku) => ({ sku, level: 100 })))).errors).toBeUndefined();
    return skus;
  };
  const level = async (sku: string) => (await stockView(harness, sku)).stockLevel;
  const movement = () => `mv-${randomUUID()}`;
  const ledgerRows = async (ids: string[]) =>
    Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM transactions.stock_movement WHERE movement_key = ANY($1::text[])`, [ids.map((id) => `erp:${id}`)]))[0].n);

  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph);
    imports = createTransactionsImport(harness.dataSource, { unknownAmong: async () => [] }, async () => undefined);
  });
  afterAll(() => harness.close());

  it('appends each movement to the ledger and moves the level, and a replay of the file changes nothing', async () => {
    const [lamp, rug] = await products(2);
    const rows = [
      { movementId: movement(), sku: lamp, delta: 25, occurredAt: minutesAgo(30) },
      { movementId: movement(), sku: lamp, delta: -5, occurredAt: minutesAgo(20) },
      { movementId: movement(), sku: rug, delta: -100, occurredAt: minutesAgo(10) },
    ];
    const job = await run(ndjson(rows));
    expect(job).toMatchObject({ kind: 'stock-movements', state: ImportJobState.DONE, counts: { read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 } });
    expect(await level(lamp)).toBe(120);
    expect(await stockView(harness, rug)).toMatchObject({ stockLevel: 0, inStock: false });
    const replay = await run(ndjson(rows));
    expect(replay.counts).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect([await level(lamp), await level(rug)]).toEqual([120, 0]);
    expect(await ledgerRows(rows.map((r) => r.movementId))).toBe(3);
  });

  it('records a movement dated before the last ERP count without moving the level: the count already holds it', async () => {
    const [lamp] = await products(1);
    const job = await run(ndjson([{ movementId: movement(), sku: lamp, delta: 40, occurredAt: minutesAgo(90) }, { movementId: movement(), sku: lamp, delta: 3, occurredAt: minutesAgo(5) }]));
    expect(job.counts).toMatchObject({ inserted: 2, rejected: 0 });
    expect(await level(lamp)).toBe(103);
  });

  it('shares movement ids with adjustStock: the same movement is unchanged either way, another sku, delta or time is a conflict never applied', async () => {
    const [lamp, rug] = await products(2);
    const sent = { movementId: movement(), sku: lamp, delta: 7, occurredAt: minutesAgo(15) };
    expect((await adjustStock(harness, [sent])).errors).toBeUndefined();
    const job = await run(ndjson([
      sent, // 1: the mutation's movement again
      { ...sent, delta: 8 }, // 2: other delta
      { ...sent, sku: rug }, // 3: other sku
      { ...sent, occurredAt: minutesAgo(14) }, // 4: other time
    ]));
    expect(job.counts).toEqual({ read: 4, inserted: 0, updated: 0, unchanged: 1, rejected: 3 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([2, 3, 4].map((lineNo) => ({ lineNo, field: 'movementId', reason: CONFLICT })));
    expect([await level(lamp), await level(rug)]).toEqual([107, 100]);
    // And the other way: an imported movement replayed through the mutation is a replay, sent with other content a conflict.
    const imported = { movementId: movement(), sku: rug, delta: -4, occurredAt: minutesAgo(12) };
    await run(ndjson([imported]));
    expect((await adjustStock(harness, [imported])).data?.adjustStock).toEqual({ recorded: 0, replayed: 1 });
    expect((await adjustStock(harness, [{ ...imported, delta: -5 }])).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await level(rug)).toBe(96);
  });

  it('treats a movement id repeated in one file as one movement, in one batch or across batches; a copy with other content is a conflict', async () => {
    const [lamp] = await products(1);
    const row = { movementId: movement(), sku: lamp, delta: -2, occurredAt: minutesAgo(25) };
    const job = await run(ndjson([row, row, { ...row, delta: -20 }, { movementId: movement(), sku: lamp, delta: 1, occurredAt: minutesAgo(24) }, row, { ...row, delta: 2 }]), { batchRows: 2 });
    expect(job.counts).toEqual({ read: 6, inserted: 2, updated: 0, unchanged: 2, rejected: 2 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([3, 6].map((lineNo) => ({ lineNo, field: 'movementId', reason: CONFLICT })));
    expect(await level(lamp)).toBe(99);
  });

  it('reports unknown skus and malformed rows with their exact line number, across batches, and applies the rows around them', async () => {
    const [lamp, rug] = await products(2);
    const secret = 'SECRET-SKU-4471';
    const rows: unknown[] = [
      { movementId: movement(), sku: lamp, delta: 4, occurredAt: minutesAgo(9) }, // 1
      { movementId: movement(), sku: secret, delta: 1, occurredAt: minutesAgo(9) }, // 2
      { movementId: movement(), sku: rug, delta: 0, occurredAt: minutesAgo(9) }, // 3
      { movementId: movement(), sku: rug, delta: 1.5, occurredAt: minutesAgo(9) }, // 4
      { movementId: movement(), sku: rug, delta: 1, occurredAt: '2999-01-01T00:00:00Z' }, // 5
      { sku: rug, delta: 1, occurredAt: minutesAgo(9) }, // 6
      { movementId: 'x'.repeat(129), sku: rug, delta: 1, occurredAt: minutesAgo(9) }, // 7
      { movementId: movement(), sku: rug, delta: 1, occurredAt: 'yesterday' }, // 8
      '[1]', // 9
      { movementId: movement(), sku: rug, delta: -10_000_001, occurredAt: minutesAgo(9) }, // 10
      { movementId: movement(), sku: rug, delta: -6, occurredAt: minutesAgo(9) }, // 11
    ];
    const job = await run(ndjson(rows), { batchRows: 3 });
    expect(job.counts).toEqual({ read: 11, inserted: 2, updated: 0, unchanged: 0, rejected: 9 });
    const report = await imports.jobs.badRows(job.id, 100);
    const range = 'must be a whole number from -10000000 to 10000000, not 0';
    expect(report).toEqual([
      { lineNo: 2, field: 'sku', reason: 'is not in the catalogue' },
      { lineNo: 3, field: 'delta', reason: range },
      { lineNo: 4, field: 'delta', reason: 'must be a whole number' },
      { lineNo: 5, field: 'occurredAt', reason: 'is in the future' },
      { lineNo: 6, field: 'movementId', reason: 'is required' },
      { lineNo: 7, field: 'movementId', reason: 'must be 1 to 128 characters' },
      { lineNo: 8, field: 'occurredAt', reason: 'must be an ISO 8601 date-time' },
      { lineNo: 9, field: '(line)', reason: 'not a JSON object' },
      { lineNo: 10, field: 'delta', reason: range },
    ]);
    expect(JSON.stringify(report)).not.toContain(secret);
    expect([await level(lamp), await level(rug)]).toEqual([104, 94]);
  });

  it('reports a movement that would take the level past what it can hold as a bad row on delta, in line order, and applies the rest', async () => {
    const [lamp, rug] = await products(2);
    expect((await setStockLevels(harness, `count-${randomUUID()}`, minutesAgo(50), [{ sku: lamp, level: 10_000_000 }, { sku: rug, level: 0 }])).errors).toBeUndefined();
    const step = (sku: string, delta: number, minutes = 9) => ({ movementId: movement(), sku, delta, occurredAt: minutesAgo(minutes) });
    const over = step(lamp, 7_483_648);
    const rows = [
      ...Array.from({ length: 213 }, () => step(lamp, 10_000_000)), // 1-213: 2,140,000,000
      over, // 214: would be 2,147,483,648
      step(lamp, -1_000_000), // 215: 2,139,000,000
      step(lamp, 8_483_647), // 216: 2,147,483,647, the most it holds
      over, // 217: the refused movement again
      ...Array.from({ length: 214 }, () => step(rug, -10_000_000)), // 218-431: -2,140,000,000
      step(rug, -7_483_649), // 432: would be -2,147,483,649
      step(rug, -7_483_648), // 433: -2,147,483,648, the least it holds
      step(lamp, 5, 60), // 434: dated before the count, so it moves nothing
    ];
    const job = await run(ndjson(rows));
    expect(job.state).toBe(ImportJobState.DONE);
    expect(job.counts).toEqual({ read: 434, inserted: 431, updated: 0, unchanged: 0, rejected: 3 });
    const reason = 'would take the stock level outside -2147483648 to 2147483647';
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([214, 217, 432].map((lineNo) => ({ lineNo, field: 'delta', reason })));
    const balance = async (sku: string) => (await stockView(harness, sku)).stockBalance;
    expect([await balance(lamp), await balance(rug)]).toEqual([2_147_483_647, -2_147_483_648]);
    expect(await ledgerRows([over.movementId])).toBe(0);
    // The level carries over between batches and files: one more unit down is refused later too.
    const later = await run(ndjson([step(rug, -1, 4), step(rug, 10, 4)]), { batchRows: 1 });
    expect(later.counts).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(await imports.jobs.badRows(later.id, 10)).toEqual([{ lineNo: 1, field: 'delta', reason }]);
    expect(await balance(rug)).toBe(-2_147_483_638);
  });

  it('imports the same movements from CSV with a header row and header-aware line numbers', async () => {
    const [lamp] = await products(1);
    const csv = ['movementId,sku,delta,occurredAt', `${movement()},${lamp},12,${minutesAgo(3)}`, `${movement()},unknown-${randomUUID().slice(0, 8)},3,${minutesAgo(3)}`, ''].join('\n');
    const job = await run(csv, { format: 'csv' });
    expect(job.counts).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 3, field: 'sku', reason: 'is not in the catalogue' }]);
    expect(await level(lamp)).toBe(112);
  });
});
