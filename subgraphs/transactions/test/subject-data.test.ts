import { randomUUID } from 'node:crypto';
import { internalCaller, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { OrderRepository } from '../src/order/order.repository';
import { OrderService } from '../src/order/order.service';
import { SalesChannel } from '../src/order/order.enums';
import { ProductRepository } from '../src/product/product.repository';
import { CatalogueRepository } from '../src/catalogue/catalogue.repository';
import { StockLedgerRepository } from '../src/stock/stock-ledger.repository';
import { OrderSubjectDataRepository } from '../src/subject-data/subject-data.repository';
import { OrderSubjectData } from '../src/subject-data/subject-data.service';
import { createValueService } from '../src/value-analysis';
import { readValueSettings } from '../src/value/value.settings';
import { inStockProducts, RECORD, startSeededHarness } from './fixtures';

const EXPORT = `query E($customerId: ID!) { subjectDataExport(customerId: $customerId) { subgraph data } }`;
const ERASE = `mutation X($customerId: ID!, $requestId: ID!) { eraseSubjectData(customerId: $customerId, requestId: $requestId) { counts { table action rows } } }`;
const privacyService = internalCaller({ clientId: 'consent:subject-requests', scopes: ['privacy:admin'] });
type Vars = Record<string, unknown>;
type Counts = { table: string; action: string; rows: number }[];
const rowsOf = (counts: Counts) => Object.fromEntries(counts.map((c) => [c.table, c.rows]));
const SET_STATUS = `mutation S($id: ID!, $status: OrderStatus!) { setOrderStatus(id: $id, status: $status) { id status } }`;
/** Lock waits only a real server can show: PGlite runs one connection, so nothing ever waits there. */
const onPostgres = process.env.DATABASE_URL ? it : it.skip;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`transactions privacy contract on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const run = <T>(query: string, variables: Vars, caller = internalCaller()) => harness.execute<T, Vars>(query, variables, caller);
  const order = (customerId: string, externalId: string) =>
    run<{ recordOrder: { id: string } }>(RECORD, { input: { customerId, sourceSystem: 'erp', externalId, channel: 'WEB', currency: inStockProducts[0].currency, lines: [{ sku: inStockProducts[0].sku, quantity: 1 }] } });
  const ordersOf = async (customerId: string) => ((await harness.dataSource.query(`SELECT count(*)::int AS n FROM transactions.customer_order WHERE customer_id = $1`, [customerId])) as { n: number }[])[0].n;

  beforeAll(async () => {
    harness = await startSeededHarness();
  });
  afterAll(() => harness.close());

  it('exports the orders with their lines and the value row', async () => {
    const customerId = randomUUID();
    expect((await order(customerId, `x-${customerId}`)).errors).toBeUndefined();
    const r = await run<{ subjectDataExport: { subgraph: string; data: Record<string, any> } }>(EXPORT, { customerId }, privacyService); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(r.errors).toBeUndefined();
    expect(r.data!.subjectDataExport.data.orders).toMatchObject([{ externalId: `x-${customerId}`, lines: [{ sku: inStockProducts[0].sku, quantity: 1 }] }]);
    expect(r.data!.subjectDataExport.data.value).toMatchObject({ order_count: 1 });
  });

  it('keeps orders for accounting but de-identified, deletes the value row, refuses new orders, and is idempotent', async () => {
    const customerId = randomUUID();
    await order(customerId, `a-${customerId}`);
    await order(customerId, `b-${customerId}`);
    const [{ n: totalBefore }]: { n: number }[] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM transactions.customer_order`);
    const first = await run<{ eraseSubjectData: { counts: Counts } }>(ERASE, { customerId, requestId: randomUUID() }, privacyService);
    expect(rowsOf(first.data!.eraseSubjectData.counts)).toEqual({ 'transactions.customer_order': 2, 'transactions.customer_value': 1, 'transactions.erased_customer': 1 });
    expect(await ordersOf(customerId)).toBe(0);
    const [{ n: totalAfter }]: { n: number }[] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM transactions.customer_order`);
    expect(totalAfter).toBe(totalBefore);
    const again = await run<{ eraseSubjectData: { counts: Counts } }>(ERASE, { customerId, requestId: randomUUID() }, privacyService);
    expect(rowsOf(again.data!.eraseSubjectData.counts)).toEqual({ 'transactions.customer_order': 0, 'transactions.customer_value': 0, 'transactions.erased_customer': 0 });
    const refused = await order(customerId, `c-${customerId}`);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'SUBJECT_ERASED', reason: 'SUBJECT_ERASED' });
    expect(await ordersOf(customerId)).toBe(0);
  });

  it('keeps an erased customer out of the value analysis: no profile for the pseudonym, in full or per-customer refreshes', async () => {
    const customerId = randomUUID();
    const orderIds = [(await order(customerId, `v1-${customerId}`)).data!.recordOrder.id, (await order(customerId, `v2-${customerId}`)).data!.recordOrder.id];
    const values = createValueService(harness.dataSource, readValueSettings());
    const before = await values.refreshAll();
    expect((await run(ERASE, { customerId, requestId: randomUUID() }, privacyService)).errors).toBeUndefined();
    const orders: { customer_id: string; deidentified_at: Date | null }[] = await harness.dataSource.query(
      `SELECT customer_id, deidentified_at FROM transactions.customer_order WHERE id = ANY($1::uuid[])`,
      [orderIds],
    );
    const pseudonyms = [...new Set(orders.map((o) => o.customer_id))];
    expect(pseudonyms).not.toContain(customerId);
    expect(orders.every((o) => o.deidentified_at !== null)).toBe(true);
    const valuedAmong = async (ids: string[]) =>
      ((await harness.dataSource.query(`SELECT count(*)::int AS n FROM transactions.customer_value WHERE customer_id = ANY($1::uuid[])`, [ids])) as { n: number }[])[0].n;

    // A status change on a de-identified order refreshes its (pseudonymous) customer: still no profile.
    expect((await run(SET_STATUS, { id: orderIds[0], status: 'REFUNDED' })).errors).toBeUndefined();
    expect(await valuedAmong(pseudonyms)).toBe(0);

    const after = await values.refreshAll();
    expect(await valuedAmong(pseudonyms)).toBe(0);
    const [{ n: pseudonymsValued }]: { n: number }[] = await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM transactions.customer_value v WHERE v.customer_id IN (SELECT customer_id FROM transactions.customer_order WHERE deidentified_at IS NOT NULL)`,
    );
    expect(pseudonymsValued).toBe(0);
    // The erased customer was valued and scored (bought in the window); nobody takes their place in the counts or the quintiles.
    expect(after.customersValued).toBe(before.customersValued - 1);
    expect(after.customersScored).toBe(before.customersScored - 1);
  });

  it('refuses an order whose customer is erased after the early check, before its insert commits', async () => {
    const customerId = randomUUID();
    const { dataSource } = harness;
    const subjectData = new OrderSubjectData(new OrderSubjectDataRepository(dataSource));
    const products = new ProductRepository(dataSource);
    // The erasure commits while the order is being priced: after the early tombstone check, before the insert transaction.
    const erasingWhilePricing = Object.assign(Object.create(products) as ProductRepository, {
      findBySkus: async (skus: string[]) => {
        await subjectData.eraseSubject(customerId, randomUUID());
        return products.findBySkus(skus);
      },
    });
    const service = new OrderService(new OrderRepository(dataSource), { products: erasingWhilePricing, prices: new CatalogueRepository(dataSource), ledger: new StockLedgerRepository() }, undefined, subjectData);
    const input = { customerId, sourceSystem: 'erp', externalId: `r-${customerId}`, channel: SalesChannel.WEB, currency: inStockProducts[0].currency, lines: [{ sku: inStockProducts[0].sku, quantity: 1 }] };
    await expect(service.record(input)).rejects.toMatchObject({ extensions: { code: 'SUBJECT_ERASED', reason: 'SUBJECT_ERASED' } });
    expect(await ordersOf(customerId)).toBe(0);
  });

  it('refuses a replay of an erased customer\'s order as erased, never answering with the de-identified order', async () => {
    const customerId = randomUUID();
    await order(customerId, `p-${customerId}`);
    await run(ERASE, { customerId, requestId: randomUUID() }, privacyService);
    const replay = await order(customerId, `p-${customerId}`);
    expect(replay.errors?.[0].extensions).toMatchObject({ code: 'SUBJECT_ERASED', reason: 'SUBJECT_ERASED' });
  });

  onPostgres('serialises ingest and erasure of one customer on its advisory lock, so no order survives under the real id', async () => {
    const customerId = randomUUID();
    const waiting = async (expected: number) => {
      for (let i = 0; i < 100; i++) {
        const [{ n }]: { n: number }[] = await harness.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        if (n >= expected) return n;
        await sleep(50);
      }
      return -1;
    };
    const holder = harness.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    let recording: Promise<unknown> | undefined;
    let erasing: Promise<unknown> | undefined;
    const settled: string[] = [];
    try {
      await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [customerId]);
      recording = order(customerId, `w-${customerId}`).finally(() => settled.push('record'));
      expect(await waiting(1)).toBe(1);
      erasing = run(ERASE, { customerId, requestId: randomUUID() }, privacyService).finally(() => settled.push('erase'));
      expect(await waiting(2)).toBe(2);
      expect(settled).toEqual([]);
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    await Promise.all([recording, erasing]);
    expect(await ordersOf(customerId)).toBe(0);
  });

  it('refuses callers without privacy:admin', async () => {
    const r = await run(ERASE, { customerId: randomUUID(), requestId: randomUUID() });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
