import { randomUUID } from 'node:crypto';
import { storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { inStockProducts, orderInput, orderRowCount, recordOrder, soldOutProducts, startSeededHarness, stockOf } from './fixtures';

describe(`transactions recordOrder on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  // Each test orders its own products, so stock assertions never see another test's orders.
  const [a, b, c, d, e, f, g, h] = inStockProducts;

  beforeAll(async () => {
    harness = await startSeededHarness();
  });
  afterAll(() => harness.close());

  it('records an order with catalogue and given prices, and takes the units out of stock', async () => {
    const before = [await stockOf(harness, a.sku), await stockOf(harness, b.sku)];
    const occurredAt = new Date(Date.now() - 60_000).toISOString();
    const input = orderInput({ channel: 'STORE', occurredAt, lines: [{ sku: a.sku, quantity: 3 }, { sku: b.sku, quantity: 2, unitPrice: 9.99 }] });
    const result = await recordOrder(harness, input);
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordOrder).toMatchObject({
      total: Math.round((a.price * 3 + 9.99 * 2) * 100) / 100,
      currency: 'EUR',
      channel: 'STORE',
      status: 'COMPLETED',
      occurredAt,
      customer: { id: input.customerId },
      lines: [
        { sku: a.sku, quantity: 3, unitPrice: a.price, lineTotal: Math.round(a.price * 300) / 100 },
        { sku: b.sku, quantity: 2, unitPrice: 9.99, lineTotal: 19.98 },
      ],
    });
    expect([await stockOf(harness, a.sku), await stockOf(harness, b.sku)]).toEqual([before[0] - 3, before[1] - 2]);
  });

  it('returns the recorded order on replay and leaves stock alone', async () => {
    const input = orderInput({ lines: [{ sku: c.sku, quantity: 4 }] });
    const first = await recordOrder(harness, input);
    const stockAfterFirst = await stockOf(harness, c.sku);
    const counts = await orderRowCount(harness);
    const replay = await recordOrder(harness, input);
    expect(replay.errors).toBeUndefined();
    expect(replay.data?.recordOrder.id).toBe(first.data?.recordOrder.id);
    expect(await stockOf(harness, c.sku)).toBe(stockAfterFirst);
    expect(await orderRowCount(harness)).toEqual(counts);
  });

  it('creates one order when identical requests race', async () => {
    const input = orderInput({ lines: [{ sku: d.sku, quantity: 2 }] });
    const before = await stockOf(harness, d.sku);
    const results = await Promise.all([1, 2, 3].map(() => recordOrder(harness, input)));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(new Set(results.map((r) => r.data?.recordOrder.id)).size).toBe(1);
    expect(await stockOf(harness, d.sku)).toBe(before - 2);
    const [{ n }] = await harness.dataSource.query('SELECT count(*)::int AS n FROM transactions.customer_order WHERE external_id = $1', [input.externalId]);
    expect(n).toBe(1);
  });

  it('answers CONFLICT when the same key arrives with different content, changing nothing', async () => {
    const input = orderInput({ lines: [{ sku: e.sku, quantity: 1 }] });
    await recordOrder(harness, input);
    const stock = await stockOf(harness, e.sku);
    const counts = await orderRowCount(harness);
    const changed = await recordOrder(harness, { ...input, lines: [{ sku: e.sku, quantity: 5 }] });
    expect(changed.errors?.[0].extensions?.code).toBe('CONFLICT');
    const otherCustomer = await recordOrder(harness, { ...input, customerId: randomUUID() });
    expect(otherCustomer.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await stockOf(harness, e.sku)).toBe(stock);
    expect(await orderRowCount(harness)).toEqual(counts);
  });

  it('names the field and a reason, never the skus, currency or order key sent', async () => {
    const input = orderInput({ sourceSystem: 'erp-zq-private-41', externalId: 'ZQ-PRIVATE-KEY-41', lines: [{ sku: h.sku, quantity: 1 }] });
    await recordOrder(harness, input);
    const unknown = await recordOrder(harness, orderInput({ lines: [{ sku: 'SKU-ZQ-PRIVATE-41', quantity: 1 }] }));
    const foreign = await recordOrder(harness, orderInput({ currency: 'JPY', lines: [{ sku: h.sku, quantity: 1 }] }));
    const conflicting = await recordOrder(harness, { ...input, lines: [{ sku: h.sku, quantity: 2 }] });
    expect([unknown, foreign, conflicting].map((r) => r.errors?.[0].extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'CONFLICT']);
    for (const [result, sent] of [[unknown, ['SKU-ZQ-PRIVATE-41']], [foreign, ['JPY', h.sku]], [conflicting, ['erp-zq-private-41', 'ZQ-PRIVATE-KEY-41']]] as const) {
      for (const value of sent) expect(JSON.stringify(result.errors)).not.toContain(value);
    }
  });

  it('records an order for a sold-out product (the ERP accepted it): the balance goes below zero, stockLevel stays at 0', async () => {
    const soldOut = soldOutProducts[0];
    const stockF = await stockOf(harness, f.sku);
    const result = await recordOrder(harness, orderInput({ lines: [{ sku: f.sku, quantity: 1 }, { sku: soldOut.sku, quantity: 2 }] }));
    expect(result.errors).toBeUndefined();
    expect(await stockOf(harness, f.sku)).toBe(stockF - 1);
    expect(await stockOf(harness, soldOut.sku)).toBe(-2);
    const product = await harness.execute<{ product: unknown }>(`{ product(sku: "${soldOut.sku}") { stockLevel stockBalance inStock } }`);
    expect(product.data?.product).toEqual({ stockLevel: 0, stockBalance: -2, inStock: false });
  });

  it('counts a sku over all its lines and sells past the last units without refusing', async () => {
    await harness.dataSource.query('UPDATE transactions.product SET stock_level = 5 WHERE sku = $1', [g.sku]);
    const split = await recordOrder(harness, orderInput({ lines: [{ sku: g.sku, quantity: 2 }, { sku: g.sku, quantity: 3 }] }));
    expect(split.errors).toBeUndefined();
    const product = await harness.execute<{ product: { stockLevel: number; inStock: boolean } }>(`{ product(sku: "${g.sku}") { stockLevel inStock } }`);
    expect(product.data?.product).toEqual({ stockLevel: 0, inStock: false });
    const more = await recordOrder(harness, orderInput({ lines: [{ sku: g.sku, quantity: 1 }] }));
    expect(more.errors).toBeUndefined();
    expect(await stockOf(harness, g.sku)).toBe(-1);
  });

  it('records every one of many orders competing for the last units, and loses none of their sales', async () => {
    const contested = inStockProducts[40];
    await harness.dataSource.query('UPDATE transactions.product SET stock_level = 5 WHERE sku = $1', [contested.sku]);
    const results = await Promise.all(Array.from({ length: 12 }, () => recordOrder(harness, orderInput({ lines: [{ sku: contested.sku, quantity: 1 }] }))));
    expect(results.map((r) => r.errors)).toEqual(Array(12).fill(undefined));
    expect(await stockOf(harness, contested.sku)).toBe(-7);
  });

  it('records concurrent orders that share products in opposite line order without failing', async () => {
    const [x, y] = [inStockProducts[41], inStockProducts[42]];
    const before = [await stockOf(harness, x.sku), await stockOf(harness, y.sku)];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const lines = [{ sku: x.sku, quantity: 1 }, { sku: y.sku, quantity: 1 }];
        return recordOrder(harness, orderInput({ lines: i % 2 ? lines.reverse() : lines }));
      }),
    );
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    expect([await stockOf(harness, x.sku), await stockOf(harness, y.sku)]).toEqual([before[0] - 10, before[1] - 10]);
  });

  it.each([
    ['an unknown sku', { lines: [{ sku: 'SKU-NOPE', quantity: 1 }] }],
    ['a currency the catalogue does not use', { currency: 'USD' }],
    ['a malformed currency', { currency: 'euro' }],
    ['a malformed customer id', { customerId: 'not-a-uuid' }],
    ['no lines', { lines: [] }],
    ['more than 100 lines', { lines: Array.from({ length: 101 }, () => ({ sku: h.sku, quantity: 1 })) }],
    ['a zero quantity', { lines: [{ sku: h.sku, quantity: 0 }] }],
    ['a quantity over 1000', { lines: [{ sku: h.sku, quantity: 1001 }] }],
    ['a negative price', { lines: [{ sku: h.sku, quantity: 1, unitPrice: -1 }] }],
    ['fractions of a cent', { lines: [{ sku: h.sku, quantity: 1, unitPrice: 1.005 }] }],
    ['an occurredAt in the future', { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }],
    ['an empty external id', { externalId: '' }],
  ])('rejects %s with BAD_USER_INPUT, writing nothing', async (_what, overrides) => {
    const stock = await stockOf(harness, h.sku);
    const counts = await orderRowCount(harness);
    const result = await recordOrder(harness, orderInput({ lines: [{ sku: h.sku, quantity: 1 }], ...overrides }));
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stockOf(harness, h.sku)).toBe(stock);
    expect(await orderRowCount(harness)).toEqual(counts);
  });

  it('defaults occurredAt to now', async () => {
    const before = Date.now();
    const result = await recordOrder(harness, orderInput({ lines: [{ sku: h.sku, quantity: 1 }] }));
    const occurredAt = new Date(result.data!.recordOrder.occurredAt).getTime();
    expect(occurredAt).toBeGreaterThanOrEqual(before - 1);
    expect(occurredAt).toBeLessThanOrEqual(Date.now());
  });

  it('finds an order by id and as an entity reference, pointing to its Customer and products', async () => {
    const input = orderInput({ lines: [{ sku: inStockProducts[30].sku, quantity: 1 }] });
    const { data } = await recordOrder(harness, input);
    const id = data!.recordOrder.id;
    const byId = await harness.execute<{ order: unknown }>(`{ order(id: "${id}") { id customer { id } lines { product { sku name } } } }`);
    expect(byId.data?.order).toEqual({ id, customer: { id: input.customerId }, lines: [{ product: { sku: inStockProducts[30].sku, name: inStockProducts[30].name } }] });
    const ref = await harness.execute<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id externalId } } }`,
      { r: [{ __typename: 'Order', id }, { __typename: 'Order', id: randomUUID() }] } as never,
    );
    expect(ref.data?._entities).toEqual([{ id, externalId: input.externalId }, null]);
    const missing = await harness.execute<{ order: unknown }>(`{ order(id: "${randomUUID()}") { id } }`);
    expect(missing.data?.order).toBeNull();
  });
});
