import { storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { CATALOGUE, soldOutProducts, startSeededHarness } from './fixtures';

const LIST = `query List($first: Int, $after: String, $category: String, $inStock: Boolean) {
  products(first: $first, after: $after, category: $category, inStock: $inStock) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { sku category stockLevel inStock } }
  }
}`;

interface ListResult {
  products: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { sku: string; category: string; stockLevel: number; inStock: boolean } }[];
  };
}

describe(`transactions products on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSeededHarness();
  });
  afterAll(() => harness.close());

  const list = (variables: Record<string, unknown>) => harness.execute<ListResult>(LIST, variables as never);

  it('returns a product by sku with its stock, and null for an unknown sku', async () => {
    const expected = CATALOGUE[3];
    const result = await harness.execute<{ product: unknown; missing: unknown }>(
      `{ product(sku: "${expected.sku}") { sku name category price currency stockLevel inStock } missing: product(sku: "NOPE") { sku } }`,
    );
    expect(result.data).toEqual({
      product: { sku: expected.sku, name: expected.name, category: expected.category, price: expected.price, currency: 'EUR', stockLevel: expected.stockLevel, inStock: expected.stockLevel > 0 },
      missing: null,
    });
  });

  it('pages through the whole catalogue in sku order, each product exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: ListResult | null } = await list({ first: 60, after });
      expect(page.data!.products.totalCount).toBe(200);
      seen.push(...page.data!.products.edges.map((e) => e.node.sku));
      if (!page.data!.products.pageInfo.hasNextPage) break;
      after = page.data!.products.pageInfo.endCursor;
    }
    expect(seen).toEqual(CATALOGUE.map((p) => p.sku).sort());
  });

  it('filters by category and by stock', async () => {
    const kitchen = await list({ first: 100, category: 'Kitchen' });
    expect(kitchen.data!.products.totalCount).toBe(CATALOGUE.filter((p) => p.category === 'Kitchen').length);
    expect(kitchen.data!.products.edges.every((e) => e.node.category === 'Kitchen')).toBe(true);
    const soldOut = await list({ first: 100, inStock: false });
    expect(soldOut.data!.products.edges.map((e) => e.node.sku)).toEqual(soldOutProducts.map((p) => p.sku));
    expect(soldOutProducts.length).toBeGreaterThan(0);
    const available = await list({ first: 1, inStock: true });
    expect(available.data!.products.totalCount).toBe(200 - soldOutProducts.length);
  });

  it('rejects a malformed cursor and an oversized page with BAD_USER_INPUT', async () => {
    expect((await list({ after: 'garbage' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await list({ first: 101 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves Product entity references by sku', async () => {
    const result = await harness.execute<{ _entities: ({ sku: string; name: string } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { sku name } } }`,
      { r: [{ __typename: 'Product', sku: CATALOGUE[0].sku }, { __typename: 'Product', sku: 'NOPE' }] } as never,
    );
    expect(result.data?._entities).toEqual([{ sku: CATALOGUE[0].sku, name: CATALOGUE[0].name }, null]);
  });
});
