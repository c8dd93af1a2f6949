import { randomUUID } from 'node:crypto';
import { demoCustomerId, statementCounter } from '@c360/shared';
import { storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { DEMO, inStockProducts, orderInput, recordOrder, startSeededHarness, stockOf } from './fixtures';

const PURCHASES = `query($r: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $r) {
    ... on Customer {
      id
      orders(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id occurredAt total status } } }
      purchaseSummary { orderCount totalSpend currency firstPurchaseAt lastPurchaseAt }
    }
  }
}`;

interface Purchases {
  _entities: {
    id: string;
    orders: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; occurredAt: string; total: number; status: string } }[] };
    purchaseSummary: { orderCount: number; totalSpend: number; currency: string | null; firstPurchaseAt: string | null; lastPurchaseAt: string | null };
  }[];
}

const customers = (ids: string[]) => ids.map((id) => ({ __typename: 'Customer', id }));

describe(`transactions Customer purchases on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const product = inStockProducts[20];
  const alice = randomUUID();
  const bob = randomUUID();
  const prospect = randomUUID();
  const aliceDates = ['2025-01-05T10:00:00.000Z', '2025-03-05T10:00:00.000Z', '2025-06-05T10:00:00.000Z', '2025-09-05T10:00:00.000Z', '2025-12-05T10:00:00.000Z'];
  const aliceOrderIds: string[] = [];

  beforeAll(async () => {
    harness = await startSeededHarness();
    for (const [i, occurredAt] of aliceDates.entries()) {
      const result = await recordOrder(harness, orderInput({ customerId: alice, occurredAt, lines: [{ sku: product.sku, quantity: 1, unitPrice: 10 * (i + 1) }] }));
      aliceOrderIds.push(result.data!.recordOrder.id);
    }
    for (const occurredAt of ['2025-02-01T00:00:00.000Z', '2025-02-02T00:00:00.000Z']) {
      await recordOrder(harness, orderInput({ customerId: bob, occurredAt, lines: [{ sku: product.sku, quantity: 2, unitPrice: 7.5 }] }));
    }
  });
  afterAll(() => harness.close());

  const purchases = (ids: string[], first?: number, after?: string | null) => harness.execute<Purchases>(PURCHASES, { r: customers(ids), first, after } as never);

  it('summarises completed purchases per customer, with zeros and nulls for a prospect', async () => {
    const result = await purchases([alice, bob, prospect], 1);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((c) => c.purchaseSummary)).toEqual([
      { orderCount: 5, totalSpend: 150, currency: 'EUR', firstPurchaseAt: aliceDates[0], lastPurchaseAt: aliceDates[4] },
      { orderCount: 2, totalSpend: 30, currency: 'EUR', firstPurchaseAt: '2025-02-01T00:00:00.000Z', lastPurchaseAt: '2025-02-02T00:00:00.000Z' },
      { orderCount: 0, totalSpend: 0, currency: null, firstPurchaseAt: null, lastPurchaseAt: null },
    ]);
  });

  it("pages through each customer's orders newest first, several customers at once", async () => {
    const first = await purchases([alice, bob, prospect], 2);
    const [a, b, p] = first.data!._entities;
    expect(a.orders.totalCount).toBe(5);
    expect(a.orders.edges.map((e) => e.node.occurredAt)).toEqual([aliceDates[4], aliceDates[3]]);
    expect(a.orders.pageInfo.hasNextPage).toBe(true);
    expect(b.orders).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect(p.orders).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });

    const seen = a.orders.edges.map((e) => e.node.occurredAt);
    let after = a.orders.pageInfo.endCursor;
    while (after) {
      const page = (await purchases([alice], 2, after)).data!._entities[0].orders;
      seen.push(...page.edges.map((e) => e.node.occurredAt));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect(seen).toEqual([...aliceDates].reverse());
  });

  it('rejects a malformed orders cursor with BAD_USER_INPUT', async () => {
    const result = await purchases([alice], 2, 'garbage');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('leaves a refunded order out of the summary but keeps stock; a cancelled one goes back to stock', async () => {
    const refund = await harness.execute<{ setOrderStatus: { status: string } }>(`mutation { setOrderStatus(id: "${aliceOrderIds[4]}", status: REFUNDED) { status } }`);
    expect(refund.data?.setOrderStatus.status).toBe('REFUNDED');
    const stockBefore = await stockOf(harness, product.sku);
    const cancel = await harness.execute(`mutation { setOrderStatus(id: "${aliceOrderIds[0]}", status: CANCELLED) { status } }`);
    expect(cancel.errors).toBeUndefined();
    expect(await stockOf(harness, product.sku)).toBe(stockBefore + 1);
    const summary = (await purchases([alice])).data!._entities[0];
    expect(summary.purchaseSummary).toMatchObject({ orderCount: 3, totalSpend: 90, firstPurchaseAt: aliceDates[1], lastPurchaseAt: aliceDates[3] });
    expect(summary.orders.totalCount).toBe(5);
  });

  it('treats a repeated status change as a no-op and refuses to revive or flip a closed order', async () => {
    await harness.execute(`mutation { setOrderStatus(id: "${aliceOrderIds[2]}", status: CANCELLED) { id } }`);
    const stock = await stockOf(harness, product.sku);
    const again = await harness.execute(`mutation { setOrderStatus(id: "${aliceOrderIds[2]}", status: CANCELLED) { status } }`);
    expect(again.errors).toBeUndefined();
    expect(await stockOf(harness, product.sku)).toBe(stock);
    const flip = await harness.execute(`mutation { setOrderStatus(id: "${aliceOrderIds[2]}", status: REFUNDED) { status } }`);
    expect(flip.errors?.[0].extensions?.code).toBe('CONFLICT');
    const revive = await harness.execute(`mutation { setOrderStatus(id: "${aliceOrderIds[2]}", status: COMPLETED) { status } }`);
    expect(revive.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await harness.execute(`mutation { setOrderStatus(id: "${randomUUID()}", status: REFUNDED) { status } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('costs the same number of SQL statements for 10 and 40 customers', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer {
      orders(first: 5) { edges { node { total lines { sku } } } }
      purchaseSummary { orderCount totalSpend }
    } } }`;
    const ids = Array.from({ length: 40 }, (_, i) => demoCustomerId(DEMO, i));
    const countFor = async (n: number) => {
      statementCounter.reset();
      const result = await harness.execute<{ _entities: { orders: { edges: { node: { lines: unknown[] } }[] } }[] }>(query, { r: customers(ids.slice(0, n)) } as never);
      expect(result.errors).toBeUndefined();
      const lines = result.data!._entities.flatMap((c) => c.orders.edges.flatMap((e) => e.node.lines));
      return { statements: statementCounter.total(), lines: lines.length };
    };
    const ten = await countFor(10);
    const forty = await countFor(40);
    expect(ten.lines).toBeGreaterThan(10);
    expect(forty.lines).toBeGreaterThan(ten.lines);
    expect(forty.statements).toBe(ten.statements);
    expect(ten.statements).toBeLessThanOrEqual(3);
  });
});
