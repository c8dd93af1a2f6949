import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, closeCustomerGate, CustomerRowMoves, CustomerTombstones, ImportJobState, type Caller } from '@c360/shared';
import { storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import type { EntityManager } from 'typeorm';
import { createTransactionsImport } from '../src/import';
import { inStockProducts, startSeededHarness } from './fixtures';

const erp: Caller = { clientId: 'erp-test', kind: CallerKind.ERP_INTEGRATION, scopes: ['orders:write', 'stock:write'], purpose: 'SERVICE' };
/** Two transactions at once need two connections: PGlite has one, so the in-flight case runs on PostgreSQL. */
const onPostgres = process.env.DATABASE_URL ? it : it.skip;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An order import against an erasure of one of its customers, both in flight: the batch's checks (the
 * tombstone among them) must not run before an erasure that commits before the batch does, or the batch
 * writes an order for a customer whose orders were just de-identified, and it stays.
 */
describe(`an order import racing an erasure on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const ordersOf = async (customerId: string) => Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM transactions.customer_order WHERE customer_id = $1`, [customerId]))[0].n);

  beforeAll(async () => {
    harness = await startSeededHarness();
  });
  afterAll(() => harness.close());

  /** The erasure step's opening (the order it takes its locks in) on its own connection, held open until `commit`. */
  async function erasureInFlight(customerId: string) {
    const runner = harness.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const tombstones = new CustomerTombstones(harness.dataSource, 'transactions');
    const manager: EntityManager = runner.manager;
    await new CustomerRowMoves('transactions', [{ table: 'transactions.customer_order' }]).eraseMerged(manager, customerId, tombstones, new Date());
    await tombstones.record(manager, customerId, new Date());
    return async () => {
      await runner.commitTransaction();
      await runner.release();
    };
  }

  onPostgres('a batch that starts while the erasure runs waits for it, then refuses the erased customer as a bad row', async () => {
    const customerId = randomUUID();
    const commit = await erasureInFlight(customerId);
    const imports = createTransactionsImport(harness.dataSource, { unknownAmong: async () => [], classify: async () => ({ unknown: [], retired: new Map() }) }, async () => undefined);
    // The feed check answered "exists": it ran before the customers subgraph's own erasure step.
    const row = { externalId: `x-${randomUUID()}`, customerId, channel: 'WEB', currency: 'EUR', lines: [{ sku: inStockProducts[0].sku, quantity: 1 }] };
    const job = imports.runner.run({ kind: imports.kinds[0], caller: erp, source: Readable.from([`${JSON.stringify(row)}\n`]), format: 'ndjson', sourceSystem: `erp-${randomUUID()}` });
    await pause(300);
    expect(await ordersOf(customerId)).toBe(0);
    await commit();
    expect(await job).toMatchObject({ state: ImportJobState.DONE, counts: { inserted: 0, rejected: 1 } });
    expect(await ordersOf(customerId)).toBe(0);
  });

  onPostgres('a stock import (about no customer) runs while a merge or erasure step holds the customer gate, and does not delay it', async () => {
    const gate = harness.dataSource.createQueryRunner();
    await gate.connect();
    await gate.startTransaction();
    try {
      await closeCustomerGate((sql, params) => gate.query(sql, params), 'transactions');
      const imports = createTransactionsImport(harness.dataSource, { unknownAmong: async () => [] }, async () => undefined);
      const levels = imports.kinds.find((k) => k.name === 'stock-levels')!;
      const row = { snapshotId: `gate-${randomUUID()}`, asOf: new Date(Date.now() - 60_000).toISOString(), sku: inStockProducts[0].sku, level: 42 };
      const job = imports.runner.run({ kind: levels, caller: erp, source: Readable.from([`${JSON.stringify(row)}\n`]), format: 'ndjson', sourceSystem: `erp-${randomUUID()}` });
      const finished = await Promise.race([job.then(() => 'done'), pause(15_000).then(() => 'waiting on the gate')]);
      expect(finished).toBe('done');
      expect(await job).toMatchObject({ state: ImportJobState.DONE, counts: { inserted: 1 } });
    } finally {
      await gate.rollbackTransaction();
      await gate.release();
    }
  });
});
