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
    expect(flip.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'status', status: 'CANCELLED' });
    expect(JSON.stringify(flip.errors)).not.toContain(aliceOrderIds[2]); // never the id sent
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

  it('reads purchaseSummary and value together in one statement, answering exactly as each alone', async () => {
    // Main currency: the one most completed orders use, ties to the first code (USD 2 × EUR 1; EUR 1 × USD 1).
    const mostlyUsd = randomUUID();
    const tied = randomUUID();
    for (const [customerId, currency, occurredAt] of [
      [mostlyUsd, 'USD', '2025-04-01T00:00:00.000Z'],
      [mostlyUsd, 'USD', '2025-04-02T00:00:00.000Z'],
      [mostlyUsd, 'EUR', '2025-04-03T00:00:00.000Z'],
      [tied, 'USD', '2025-05-01T00:00:00.000Z'],
      [tied, 'EUR', '2025-05-02T00:00:00.000Z'],
    ]) {
      // Written straight to the table: the catalogue prices every product in one currency.
      await harness.dataSource.query(
        `INSERT INTO transactions.customer_order (id, customer_id, total, currency, channel, status, occurred_at, source_system, external_id, recorded_at)
         VALUES ($1, $2, 12.5, $3, 'WEB', 'COMPLETED', $4, 'test', $5, $4)`,
        [randomUUID(), customerId, currency, occurredAt, `S-${randomUUID()}`],
      );
    }
    const ids = [alice, bob, prospect, mostlyUsd, tied, ...Array.from({ length: 20 }, (_, i) => demoCustomerId(DEMO, i))];
    const summary = 'purchaseSummary { orderCount totalSpend currency firstPurchaseAt lastPurchaseAt }';
    const value = 'value { currency lifecycleStage churnRisk scoringWithheld refreshedAt rfm { recencyDays frequency monetary segment } lifetimeValue { orderCount historical predicted } }';
    const run = async (fields: string) => {
      statementCounter.reset();
      const result = await harness.execute<{ _entities: Record<string, unknown>[] }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { ${fields} } } }`, {
        r: customers(ids),
      } as never);
      expect(result.errors).toBeUndefined();
      return { entities: result.data!._entities, statements: statementCounter.total() };
    };
    const summaries = await run(summary);
    const values = await run(value);
    const both = await run(`${summary} ${value}`);
    expect(both.entities).toEqual(summaries.entities.map((s, i) => ({ ...s, ...values.entities[i] })));
    expect(both.statements).toBe(summaries.statements);
    expect(both.statements).toBe(values.statements);
    expect(both.entities[3].purchaseSummary).toMatchObject({ orderCount: 2, currency: 'USD', totalSpend: 25 });
    expect(both.entities[4].purchaseSummary).toMatchObject({ orderCount: 1, currency: 'EUR', firstPurchaseAt: '2025-05-02T00:00:00.000Z' });
  });
});
