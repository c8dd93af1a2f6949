import type { DataSource } from 'typeorm';
import { demoCustomerId, demoCustomerSince, demoProducts, DEMO_WINDOW, openServiceDataSource, type DemoOptions, type Storage } from '@c360/shared';
import { openTestStorage, storageLabel } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { generateDemoOrders } from '../src/demo/seed-transactions';

const SMALL: DemoOptions = { seed: 11, customers: 60 };

const CHECKSUM = `SELECT
  (SELECT md5(string_agg(concat_ws('|', id, customer_id, total, currency, channel, status, occurred_at, source_system, external_id), ',' ORDER BY id)) FROM transactions.customer_order) AS orders,
  (SELECT md5(string_agg(concat_ws('|', order_id, line_no, sku, quantity, unit_price, line_total), ',' ORDER BY order_id, line_no)) FROM transactions.order_line) AS lines,
  (SELECT md5(string_agg(concat_ws('|', sku, name, category, price, currency, stock_level), ',' ORDER BY sku)) FROM transactions.product) AS products`;

/** A fresh, migrated storage; on PostgreSQL opening another one drops this one's schema, so use one at a time. */
async function openFresh(): Promise<{ storage: Storage; db: DataSource; close(): Promise<void> }> {
  const storage = await openTestStorage(['transactions']);
  const db = await openServiceDataSource(storage, { service: 'transactions', ...transactionsSubgraph.storage });
  return { storage, db, close: async () => (await db.destroy(), await storage.close()) };
}

async function seededChecksum(options: DemoOptions): Promise<unknown> {
  const fresh = await openFresh();
  try {
    await transactionsSubgraph.seedDemoData!(fresh.db, options);
    return (await fresh.db.query(CHECKSUM))[0];
  } finally {
    await fresh.close();
  }
}

describe(`transactions demo seed on ${storageLabel()}`, () => {
  it('produces the same rows for the same seed in two fresh storages', async () => {
    const first = await seededChecksum(SMALL);
    const second = await seededChecksum(SMALL);
    expect(second).toEqual(first);
  });

  it('generates different orders for another seed', () => {
    const orders = (options: DemoOptions) => generateDemoOrders(options, demoProducts(options)).orders;
    expect(orders({ ...SMALL, seed: 12 })).not.toEqual(orders(SMALL));
  });

  describe(`seeded with ${SMALL.customers} customers`, () => {
    let fresh: Awaited<ReturnType<typeof openFresh>>;
    const one = async (sql: string) => (await fresh.db.query(sql))[0];

    beforeAll(async () => {
      fresh = await openFresh();
      await transactionsSubgraph.seedDemoData!(fresh.db, SMALL);
    });
    afterAll(() => fresh.close());

    it('loads the 200-product catalogue with its stock levels untouched', async () => {
      expect(await one(`SELECT count(*)::int AS n, sum(stock_level)::int AS stock FROM transactions.product`)).toEqual({
        n: 200,
        stock: demoProducts(SMALL).reduce((sum, p) => sum + p.stockLevel, 0),
      });
    });

    it('records exactly the average number of orders per customer, leaving some prospects without any', async () => {
      const orders = await one(`SELECT count(*)::int AS n, count(DISTINCT customer_id)::int AS buyers FROM transactions.customer_order`);
      expect(orders.n).toBe(20 * SMALL.customers);
      expect(orders.buyers).toBeGreaterThanOrEqual(SMALL.customers * 0.8);
      expect(orders.buyers).toBeLessThan(SMALL.customers);
    });

    it('gives order counts a long tail: a typical buyer orders less than the average, a few order far more', async () => {
      const counts = await one(`SELECT max(n)::int AS most, min(n)::int AS fewest, percentile_cont(0.5) WITHIN GROUP (ORDER BY n)::float8 AS median
        FROM (SELECT count(*) AS n FROM transactions.customer_order GROUP BY customer_id) t`);
      expect(counts.most).toBeGreaterThan(3 * 20);
      expect(counts.median).toBeLessThan(20);
      expect(counts.fewest).toBeLessThanOrEqual(5);
    });

    it('refunds about 4% and cancels about 2% of orders', async () => {
      const shares = await one(`SELECT avg((status = 'REFUNDED')::int)::float8 AS refunded, avg((status = 'CANCELLED')::int)::float8 AS cancelled FROM transactions.customer_order`);
      expect(shares.refunded).toBeGreaterThan(0.02);
      expect(shares.refunded).toBeLessThan(0.06);
      expect(shares.cancelled).toBeGreaterThan(0.005);
      expect(shares.cancelled).toBeLessThan(0.04);
    });

    it('gives every order 1 to 4 lines at catalogue prices that add up to its total', async () => {
      const lines = await one(`SELECT min(n)::int AS fewest, max(n)::int AS most, bool_and(adds_up) AS adds_up, bool_and(catalogue_price) AS catalogue_price FROM (
          SELECT count(*) AS n, o.total = sum(l.line_total) AS adds_up, bool_and(l.unit_price = p.price AND l.line_total = l.unit_price * l.quantity) AS catalogue_price
          FROM transactions.customer_order o
          JOIN transactions.order_line l ON l.order_id = o.id
          JOIN transactions.product p ON p.sku = l.sku
          GROUP BY o.id, o.total) t`);
      expect(lines).toEqual({ fewest: 1, most: 4, adds_up: true, catalogue_price: true });
    });

    it('ingests from webshop, pos and erp with unique external ids', async () => {
      const keys = await one(`SELECT count(*)::int AS n, count(DISTINCT (source_system, external_id))::int AS keys, string_agg(DISTINCT source_system, ',' ORDER BY source_system) AS systems FROM transactions.customer_order`);
      expect(keys).toEqual({ n: keys.n, keys: keys.n, systems: 'erp,pos,webshop' });
    });

    it('places every order inside the demo window and after the customer joined', async () => {
      const rows: { customer_id: string; first: Date; last: Date }[] = await fresh.db.query(
        `SELECT customer_id, min(occurred_at) AS first, max(occurred_at) AS last FROM transactions.customer_order GROUP BY customer_id`,
      );
      const indexById = new Map(Array.from({ length: SMALL.customers }, (_, i) => [demoCustomerId(SMALL, i), i]));
      for (const row of rows) {
        const index = indexById.get(row.customer_id);
        expect(index).toBeDefined();
        expect(new Date(row.first).getTime()).toBeGreaterThanOrEqual(Math.max(DEMO_WINDOW.from.getTime(), demoCustomerSince(SMALL, index!).getTime()));
        expect(new Date(row.last).getTime()).toBeLessThanOrEqual(DEMO_WINDOW.to.getTime());
      }
    });

    it('leaves non-empty tables alone', async () => {
      const before = await one(CHECKSUM);
      expect(await transactionsSubgraph.seedDemoData!(fresh.db, SMALL)).toBe(false);
      expect(await one(CHECKSUM)).toEqual(before);
    });
  });
});
