import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, CustomerRowMoves, ImportJobState, type Caller, type RetiredCustomer } from '@c360/shared';
import type { EntityManager } from 'typeorm';
import { storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { createTransactionsImport } from '../src/import';
import { OrderSubjectDataRepository } from '../src/subject-data/subject-data.repository';
import { orderInput, recordOrder, startSeededHarness, inStockProducts } from './fixtures';

const erp: Caller = { clientId: 'erp-test', kind: CallerKind.ERP_INTEGRATION, scopes: ['orders:write'], purpose: 'SERVICE' };
/** Two transactions at once need two connections: PGlite has one, so the in-flight cases run on PostgreSQL. */
const onPostgres = process.env.DATABASE_URL ? it : it.skip;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ndjson = (rows: unknown[]) => Readable.from([rows.map((r) => JSON.stringify(r)).join('\n') + '\n']);

/**
 * Where a write naming a retired id lands, decided in the writing transaction from this subgraph's own
 * record of its merge step, not from the customers subgraph's answer (which another replica caches for
 * seconds, and which the customers subgraph gives only after its own step, the last one). The harness's
 * feed check takes every id as live: exactly what a stale cache answers.
 */
describe(`orders naming a retired customer id on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let moves: OrderSubjectDataRepository;
  /** What the customers subgraph answered when a batch was checked (set per test). */
  let retiredHint = new Map<string, RetiredCustomer>();

  const ordersOf = async (customerId: string) => Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM transactions.customer_order WHERE customer_id = $1`, [customerId]))[0].n);
  const merged = async () => {
    const [survivor, retired, mergeId] = [randomUUID(), randomUUID(), randomUUID()];
    expect((await recordOrder(harness, orderInput({ customerId: retired }))).errors).toBeUndefined();
    await moves.merge(mergeId, survivor, retired);
    return { survivor, retired, mergeId };
  };
  const importOrders = (rows: Record<string, unknown>[]) => {
    const imports = createTransactionsImport(harness.dataSource, { unknownAmong: async () => [], classify: async () => ({ unknown: [], retired: retiredHint }) }, async () => undefined);
    return imports.runner.run({ kind: imports.kinds[0], caller: erp, source: ndjson(rows), format: 'ndjson', sourceSystem: `erp-${randomUUID()}` });
  };
  const importRow = (customerId: string) => ({ externalId: `x-${randomUUID()}`, customerId, channel: 'WEB', currency: 'EUR', lines: [{ sku: inStockProducts[0].sku, quantity: 1 }] });

  beforeAll(async () => {
    harness = await startSeededHarness();
    moves = new OrderSubjectDataRepository(harness.dataSource);
  });
  beforeEach(() => {
    retiredHint = new Map();
  });
  afterAll(() => harness.close());

  it('recordOrder after the merge step lands on the survivor though the feed check still calls the id live, and an unmerge gives it back', async () => {
    const { survivor, retired, mergeId } = await merged();
    const result = await recordOrder(harness, orderInput({ customerId: retired }));
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordOrder.customer.id).toBe(survivor);
    expect(await ordersOf(retired)).toBe(0);
    expect(await ordersOf(survivor)).toBe(2);
    await moves.unmerge(mergeId);
    expect(await ordersOf(retired)).toBe(2);
    expect(await ordersOf(survivor)).toBe(0);
  });

  it('a merge step racing many writes leaves no order on the retired id', async () => {
    const [survivor, retired, mergeId] = [randomUUID(), randomUUID(), randomUUID()];
    const write = () => recordOrder(harness, orderInput({ customerId: retired }));
    const results = await Promise.all([write(), write(), write(), moves.merge(mergeId, survivor, retired), write(), write(), write()]);
    const after = await Promise.all([write(), write()]);
    for (const r of [...results.filter((r) => !Array.isArray(r)), ...after]) expect((r as { errors?: unknown }).errors).toBeUndefined();
    expect(await ordersOf(retired)).toBe(0);
    expect(await ordersOf(survivor)).toBe(8);
    // Each came through the retired id: an unmerge gives every one back.
    await moves.unmerge(mergeId);
    expect(await ordersOf(retired)).toBe(8);
  });

  it('an import checked before the merge step committed re-points under the merge locks: its rows land on the survivor, given back by an unmerge', async () => {
    const { survivor, retired, mergeId } = await merged();
    // The customers subgraph answered "exists" when the batch was checked (its own step had not run).
    const job = await importOrders([importRow(retired), importRow(retired)]);
    expect(job).toMatchObject({ state: ImportJobState.DONE, counts: { inserted: 2, rejected: 0 } });
    expect(await ordersOf(retired)).toBe(0);
    expect(await ordersOf(survivor)).toBe(3);
    await moves.unmerge(mergeId);
    expect(await ordersOf(retired)).toBe(3);
  });

  it('an import checked while the id was retired, run after an unmerge, writes for the id it names, not the former survivor', async () => {
    const { survivor, retired, mergeId } = await merged();
    retiredHint = new Map([[retired, { survivorId: survivor, mergeId }]]);
    await moves.unmerge(mergeId);
    const job = await importOrders([importRow(retired)]);
    expect(job).toMatchObject({ state: ImportJobState.DONE, counts: { inserted: 1, rejected: 0 } });
    expect(await ordersOf(survivor)).toBe(0);
    expect(await ordersOf(retired)).toBe(2);
    const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM transactions.merge_move WHERE merge_id = $1`, [mergeId]);
    expect(n).toBe(0);
  });

  it('a write through the first id of a chain of merges (b into a, then a into c) goes back one merge per unmerge', async () => {
    const [b, a, c, first, second] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await moves.merge(first, a, b);
    await moves.merge(second, c, a);
    expect((await recordOrder(harness, orderInput({ customerId: b }))).errors).toBeUndefined();
    expect(await importOrders([importRow(b)])).toMatchObject({ state: ImportJobState.DONE, counts: { inserted: 1 } });
    const where = async () => ({ b: await ordersOf(b), a: await ordersOf(a), c: await ordersOf(c) });
    expect(await where()).toEqual({ b: 0, a: 0, c: 2 });
    // Undoing a into c gives back what was written through a's ids (b among them), not only through a.
    await moves.unmerge(second);
    expect(await where()).toEqual({ b: 0, a: 2, c: 0 });
    await moves.unmerge(first);
    expect(await where()).toEqual({ b: 2, a: 0, c: 0 });
  });

  /** Runs `step` in a transaction on its own connection and keeps it open until the answered commit is called. */
  async function inFlight(step: (manager: EntityManager) => Promise<unknown>) {
    const runner = harness.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await step(runner.manager);
    return async () => {
      await runner.commitTransaction();
      await runner.release();
    };
  }
  const rowMoves = new CustomerRowMoves('transactions', [{ table: 'transactions.customer_order' }]);

  onPostgres('an import batch racing a merge step in flight waits for it, then lands on the survivor', async () => {
    const [survivor, retired, mergeId] = [randomUUID(), randomUUID(), randomUUID()];
    const commit = await inFlight((manager) => rowMoves.move(manager, mergeId, survivor, retired));
    const job = importOrders([importRow(retired)]); // checked as "exists": the customers subgraph's step has not run
    await pause(300);
    expect(await ordersOf(retired)).toBe(0);
    await commit();
    expect(await job).toMatchObject({ state: ImportJobState.DONE, counts: { inserted: 1, rejected: 0 } });
    expect(await ordersOf(retired)).toBe(0);
    expect(await ordersOf(survivor)).toBe(1);
  });

  onPostgres('an import batch racing an unmerge step in flight waits for it, then writes for the id it names', async () => {
    const { survivor, retired, mergeId } = await merged();
    retiredHint = new Map([[retired, { survivorId: survivor, mergeId }]]);
    const commit = await inFlight((manager) => rowMoves.restore(manager, mergeId));
    const job = importOrders([importRow(retired)]);
    await pause(300);
    await commit();
    expect(await job).toMatchObject({ state: ImportJobState.DONE, counts: { inserted: 1, rejected: 0 } });
    expect(await ordersOf(survivor)).toBe(0);
    expect(await ordersOf(retired)).toBe(2);
  });
});
