import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, ImportJobState, ImportRunner, type Caller, type ImportFormat } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { createTransactionsImport, type TransactionsImport } from '../src/import';
import { minutesAgo, newProduct, setStockLevels, stockView, upsertProducts } from './erp-fixtures';
import { orderInput, recordOrder } from './fixtures';

const erp: Caller = { clientId: 'erp-stock', kind: CallerKind.ERP_INTEGRATION, scopes: ['stock:write'], purpose: 'SERVICE' };

const streamOf = (text: string) => Readable.from(text.match(/[\s\S]{1,7}/g) ?? []);
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const CONFLICT = 'was already imported with different content';

describe(`bulk stock-level import on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let imports: TransactionsImport;

  const run = (text: string, options: { format?: ImportFormat; batchRows?: number } = {}) => {
    const runner = options.batchRows ? new ImportRunner(harness.dataSource, imports.jobs, { batchRows: options.batchRows }) : imports.runner;
    return runner.run({ kind: imports.kinds.find((k) => k.name === 'stock-levels')!, caller: erp, source: streamOf(text), format: options.format ?? 'ndjson', sourceSystem: 'erp-stock' });
  };
  /** Fresh catalogue products of this test only, so no stock assertion sees another test's writes. */
  const products = async (count: number) => {
    const created = Array.from({ length: count }, () => newProduct());
    expect((await upsertProducts(harness, created)).errors).toBeUndefined();
    return created.map((p) => p.sku);
  };
  const level = async (sku: string) => (await stockView(harness, sku)).stockLevel;
  const snapshot = () => `snap-${randomUUID()}`;

  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph);
    imports = createTransactionsImport(harness.dataSource, { unknownAmong: async () => [] }, async () => undefined);
  });
  afterAll(() => harness.close());

  it('sets each sku to its ERP level minus the sales recorded after the count, and a replay of the file changes nothing', async () => {
    const [lamp, rug] = await products(2);
    const countedAt = minutesAgo(60);
    const sold = await recordOrder(harness, orderInput({ occurredAt: minutesAgo(30), lines: [{ sku: lamp, quantity: 2 }] }));
    expect(sold.errors).toBeUndefined();
    const id = snapshot();
    const text = ndjson([{ snapshotId: id, asOf: countedAt, sku: lamp, level: 10 }, { snapshotId: id, asOf: countedAt, sku: rug, level: 0 }]);
    const job = await run(text);
    expect(job).toMatchObject({ kind: 'stock-levels', state: ImportJobState.DONE, counts: { read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 } });
    expect(await stockView(harness, lamp)).toMatchObject({ stockLevel: 8, inStock: true, stockAsOf: new Date(countedAt).toISOString() });
    expect(await stockView(harness, rug)).toMatchObject({ stockLevel: 0, inStock: false });
    const replay = await run(text);
    expect(replay.counts).toEqual({ read: 2, inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(await level(lamp)).toBe(8);
  });

  it('never lets an older count overwrite a newer one: such a row is recorded, counted unchanged and applied nowhere', async () => {
    const [lamp] = await products(1);
    await run(ndjson([{ snapshotId: snapshot(), asOf: minutesAgo(10), sku: lamp, level: 7 }]));
    const older = snapshot();
    const job = await run(ndjson([{ snapshotId: older, asOf: minutesAgo(120), sku: lamp, level: 99 }]));
    expect(job.counts).toEqual({ read: 1, inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect(await level(lamp)).toBe(7);
    const [record] = await harness.dataSource.query(`SELECT levels, applied FROM transactions.stock_snapshot WHERE snapshot_id = $1`, [older]);
    expect(record).toEqual({ levels: 1, applied: 0 });
    // In one file the newest count of a sku wins whatever the row order.
    const [newest, oldest] = [snapshot(), snapshot()];
    const both = await run(ndjson([{ snapshotId: newest, asOf: minutesAgo(1), sku: lamp, level: 3 }, { snapshotId: oldest, asOf: minutesAgo(2), sku: lamp, level: 50 }]));
    expect(both.counts).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 1, rejected: 0 });
    expect(await level(lamp)).toBe(3);
  });

  it('reports a re-sent row of a snapshot with another level or another asOf as a conflict, never applied', async () => {
    const [lamp, rug] = await products(2);
    const id = snapshot();
    const asOf = minutesAgo(20);
    await run(ndjson([{ snapshotId: id, asOf, sku: lamp, level: 5 }]));
    const job = await run(ndjson([
      { snapshotId: id, asOf, sku: lamp, level: 6 }, // 1: other level
      { snapshotId: id, asOf: minutesAgo(5), sku: rug, level: 1 }, // 2: other asOf for the snapshot
      { snapshotId: id, asOf, sku: lamp, level: 5 }, // 3: replay
      { snapshotId: id, asOf, sku: rug, level: 4 }, // 4: a new sku of the same snapshot
    ]));
    expect(job.counts).toEqual({ read: 4, inserted: 1, updated: 0, unchanged: 1, rejected: 2 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([
      { lineNo: 1, field: 'level', reason: CONFLICT },
      { lineNo: 2, field: 'asOf', reason: CONFLICT },
    ]);
    expect(await level(lamp)).toBe(5);
    expect(await level(rug)).toBe(4);
  });

  it('treats a snapshot and sku given twice in one file as one level, and a second copy with another level as a conflict', async () => {
    const [lamp] = await products(1);
    const row = { snapshotId: snapshot(), asOf: minutesAgo(15), sku: lamp, level: 9 };
    const job = await run(ndjson([row, row, { ...row, level: 1 }]));
    expect(job.counts).toEqual({ read: 3, inserted: 1, updated: 0, unchanged: 1, rejected: 1 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 3, field: 'level', reason: CONFLICT }]);
    expect(await level(lamp)).toBe(9);
  });

  it('reports unknown skus and malformed rows with their exact line number, across batches, and applies the rows around them', async () => {
    const [lamp, rug] = await products(2);
    const secret = 'SECRET-SKU-9921';
    const id = snapshot();
    const asOf = minutesAgo(30);
    const rows: unknown[] = [
      { snapshotId: id, asOf, sku: lamp, level: 4 }, // 1
      { snapshotId: id, asOf, sku: secret, level: 1 }, // 2
      { snapshotId: id, asOf, sku: rug, level: -1 }, // 3
      { snapshotId: id, asOf, sku: rug, level: 2.5 }, // 4
      { snapshotId: id, asOf: '2999-01-01T00:00:00Z', sku: rug, level: 1 }, // 5
      { asOf, sku: rug, level: 1 }, // 6
      { snapshotId: 'x'.repeat(129), asOf, sku: rug, level: 1 }, // 7
      { snapshotId: id, asOf: 'yesterday', sku: rug, level: 1 }, // 8
      '[1]', // 9
      { snapshotId: id, asOf, sku: rug, level: 10_000_001 }, // 10
      { snapshotId: id, asOf, sku: rug, level: 6 }, // 11
    ];
    const job = await run(ndjson(rows), { batchRows: 3 });
    expect(job.counts).toEqual({ read: 11, inserted: 2, updated: 0, unchanged: 0, rejected: 9 });
    const report = await imports.jobs.badRows(job.id, 100);
    expect(report).toEqual([
      { lineNo: 2, field: 'sku', reason: 'is not in the catalogue' },
      { lineNo: 3, field: 'level', reason: 'must be a whole number from 0 to 10000000' },
      { lineNo: 4, field: 'level', reason: 'must be a whole number' },
      { lineNo: 5, field: 'asOf', reason: 'is in the future' },
      { lineNo: 6, field: 'snapshotId', reason: 'is required' },
      { lineNo: 7, field: 'snapshotId', reason: 'must be 1 to 128 characters' },
      { lineNo: 8, field: 'asOf', reason: 'must be an ISO 8601 date-time' },
      { lineNo: 9, field: '(line)', reason: 'not a JSON object' },
      { lineNo: 10, field: 'level', reason: 'must be a whole number from 0 to 10000000' },
    ]);
    expect(JSON.stringify(report)).not.toContain(secret);
    expect([await level(lamp), await level(rug)]).toEqual([4, 6]);
    // One snapshot over four batches is still one snapshot.
    const [record] = await harness.dataSource.query(`SELECT levels, applied FROM transactions.stock_snapshot WHERE snapshot_id = $1`, [id]);
    expect(record).toEqual({ levels: 2, applied: 2 });
  });

  it('imports the same levels from CSV with a header row and header-aware line numbers', async () => {
    const [lamp, rug] = await products(2);
    const id = snapshot();
    const asOf = minutesAgo(45);
    const csv = ['snapshotId,asOf,sku,level', `${id},${asOf},${lamp},12`, `${id},${asOf},unknown-${randomUUID().slice(0, 8)},3`, `${id},${asOf},${rug},0`, ''].join('\n');
    const job = await run(csv, { format: 'csv' });
    expect(job.counts).toEqual({ read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 3, field: 'sku', reason: 'is not in the catalogue' }]);
    expect([await level(lamp), await level(rug)]).toEqual([12, 0]);
  });

  it('shares snapshot ids with setStockLevels: the mutation refuses to replay an imported snapshot id as its own', async () => {
    const [lamp] = await products(1);
    const id = snapshot();
    const asOf = minutesAgo(25);
    await run(ndjson([{ snapshotId: id, asOf, sku: lamp, level: 2 }]));
    const replayed = await setStockLevels(harness, id, asOf, [{ sku: lamp, level: 2 }]);
    expect(replayed.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await level(lamp)).toBe(2);
  });
});
