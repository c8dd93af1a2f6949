import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { minutesAgo, newProduct, setStockLevels, stockView, upsertProducts, type ProductInput } from './erp-fixtures';
import { orderInput, recordOrder } from './fixtures';

describe(`ERP catalogue upserts on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph);
  });
  afterAll(() => harness.close());

  const productRow = async (sku: string) => {
    const [row] = await harness.dataSource.query('SELECT name, category, price::text, currency, active, updated_at FROM transactions.product WHERE sku = $1', [sku]);
    return row;
  };
  const history = async (sku: string) =>
    (await harness.dataSource.query('SELECT price::text AS price FROM transactions.product_price_history WHERE sku = $1 ORDER BY valid_from', [sku])).map((r: { price: string }) => r.price);
  const productCount = async () => (await harness.dataSource.query('SELECT count(*)::int AS n FROM transactions.product'))[0].n as number;

  it('creates products, and reports the same input sent again as unchanged without touching a row', async () => {
    const items = [newProduct(), newProduct({ category: 'Kitchen', price: 3 })];
    const first = await upsertProducts(harness, items);
    expect(first.data?.upsertProducts).toEqual({ created: 2, updated: 0, unchanged: 0, products: items.map((p) => ({ sku: p.sku, change: 'CREATED' })) });
    const rowBefore = await productRow(items[0].sku);
    const again = await upsertProducts(harness, [...items].reverse());
    expect(again.data?.upsertProducts).toEqual({ created: 0, updated: 0, unchanged: 2, products: [...items].reverse().map((p) => ({ sku: p.sku, change: 'UNCHANGED' })) });
    expect(await productRow(items[0].sku)).toEqual(rowBefore);
    expect(await history(items[0].sku)).toEqual(['24.50']);
  });

  it('keeps the price of orders already recorded when the price changes, and prices a back-dated order as it was then', async () => {
    const p = newProduct({ price: 10 });
    await upsertProducts(harness, [p]);
    const changedAt = new Date().toISOString();
    const before = await recordOrder(harness, orderInput({ lines: [{ sku: p.sku, quantity: 2 }] }));
    const update = await upsertProducts(harness, [{ ...p, price: 12.5 }]);
    expect(update.data?.upsertProducts).toMatchObject({ updated: 1, products: [{ sku: p.sku, change: 'UPDATED' }] });
    expect(await history(p.sku)).toEqual(['10.00', '12.50']);
    const old = await harness.execute<{ order: { total: number; lines: { unitPrice: number }[] } }>(`{ order(id: "${before.data!.recordOrder.id}") { total lines { unitPrice } } }`);
    expect(old.data?.order).toEqual({ total: 20, lines: [{ unitPrice: 10 }] });
    const now = await recordOrder(harness, orderInput({ lines: [{ sku: p.sku, quantity: 1 }] }));
    expect(now.data?.recordOrder.lines[0].unitPrice).toBe(12.5);
    const late = await recordOrder(harness, orderInput({ occurredAt: new Date(Date.parse(changedAt) - 1000).toISOString(), lines: [{ sku: p.sku, quantity: 1 }] }));
    expect(late.data?.recordOrder.lines[0].unitPrice).toBe(10);
  });

  it('retires a product: never in stock for offers, still orderable for sales the ERP accepted, back when reactivated', async () => {
    const p = newProduct();
    await upsertProducts(harness, [p]);
    await setStockLevels(harness, `snap-${p.sku}`, minutesAgo(10), [{ sku: p.sku, level: 40 }]);
    const retired = await upsertProducts(harness, [{ ...p, active: false }]);
    expect(retired.data?.upsertProducts.products[0].change).toBe('UPDATED');
    expect(await stockView(harness, p.sku)).toMatchObject({ active: false, stockLevel: 40, inStock: false });
    const facts = await harness.execute<{ offerTargetingFacts: { products: { sku: string; inStock: boolean }[] } }>(
      `query($skus: [String!]!) { offerTargetingFacts(customerIds: [], skus: $skus) { products { sku inStock } } }`,
      { skus: [p.sku] } as never,
    );
    expect(facts.data?.offerTargetingFacts.products).toEqual([{ sku: p.sku, inStock: false }]);
    const listed = await harness.execute<{ products: { edges: { node: { sku: string } }[] } }>(`{ products(first: 100, inStock: true) { edges { node { sku } } } }`);
    expect(listed.data?.products.edges.map((e) => e.node.sku)).not.toContain(p.sku);
    expect((await recordOrder(harness, orderInput({ lines: [{ sku: p.sku, quantity: 1 }] }))).errors).toBeUndefined();
    await upsertProducts(harness, [p]);
    expect(await stockView(harness, p.sku)).toMatchObject({ active: true, stockLevel: 39, inStock: true });
  });

  it.each<[string, (p: ProductInput) => ProductInput[], string]>([
    ['an unknown currency', (p) => [p, { ...newProduct(), currency: 'EUO' }], 'inputs[1].currency'],
    ['a lower-case currency', (p) => [p, { ...newProduct(), currency: 'eur' }], 'inputs[1].currency'],
    ['a negative price', (p) => [{ ...p, price: -1 }], 'inputs[0].price'],
    ['fractions of a cent', (p) => [{ ...p, price: 1.005 }], 'inputs[0].price'],
    ['a sku with a space', (p) => [{ ...p, sku: 'ERP 42' }], 'inputs[0].sku'],
    ['an empty name', (p) => [{ ...p, name: '  ' }], 'inputs[0].name'],
    ['a sku twice', (p) => [p, { ...p, price: 2 }], 'inputs[1].sku'],
    ['no products', () => [], 'inputs'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing of the call', async (_what, build, field) => {
    const count = await productCount();
    const r = await upsertProducts(harness, build(newProduct()));
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.errors?.[0].message).not.toMatch(/EUO|eur/);
    expect(await productCount()).toBe(count);
  });

  it('asks for the catalogue:write scope', async () => {
    const r = await upsertProducts(harness, [newProduct()], undefined as never);
    expect(r.errors).toBeUndefined();
    const internal = await harness.execute(`mutation { upsertProducts(inputs: [{ sku: "S-1", name: "n", category: "c", price: 1, currency: "EUR" }]) { created } }`);
    expect(internal.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
