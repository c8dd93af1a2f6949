import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DecisionReason, statementCounter, type ConsentDecider } from '@c360/shared';
import { RecordingDisclosureRecorder, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { DAY, valueOf, valueService } from './value-fixtures';

const FACTS = `query($c: [ID!]!, $s: [String!]!, $co: Boolean!) { offerTargetingFacts(customerIds: $c, skus: $s, withCoPurchases: $co) {
  customers { customerId valueWithheld lifecycleStage monetary monetaryScore predictedValue churnRisk categories { category lines } skus }
  products { sku category inStock }
  coPurchases { sku alsoBought together support confidence }
} }`;

interface Facts {
  customers: { customerId: string; valueWithheld: boolean; lifecycleStage: string | null; monetary: number | null; monetaryScore: number | null; predictedValue: number | null; churnRisk: number | null; categories: { category: string; lines: number }[]; skus: string[] }[];
  products: { sku: string; category: string; inStock: boolean }[];
  coPurchases: { sku: string; alsoBought: string; together: number; support: number; confidence: number }[];
}

describe(`offerTargetingFacts (internal contract for the offer engine) on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const [profiled, withheld, third] = [randomUUID(), randomUUID(), randomUUID()];
  // Withholds value from `withheld`, as the consent subgraph would without PROFILING consent.
  const decider: ConsentDecider = {
    decide: async (caller, requests) =>
      requests.map((r) => {
        const allowed = caller.purpose !== 'PROFILING' || r.customerId !== withheld;
        return { ...r, allowed, reason: allowed ? DecisionReason.CONSENT_GRANTED : DecisionReason.NO_CONSENT };
      }),
    audience: async () => ({ everyone: true, customerIds: [] }),
  };
  const facts = (customerIds: string[], skus: string[], withCoPurchases = true) => harness.execute<{ offerTargetingFacts: Facts }>(FACTS, { c: customerIds, s: skus, co: withCoPurchases } as never);

  async function order(customerId: string, skus: string[], daysAgo = 10, status = 'COMPLETED') {
    const id = randomUUID();
    const at = new Date(Date.now() - daysAgo * DAY).toISOString();
    await harness.dataSource.query(
      `INSERT INTO transactions.customer_order (id, customer_id, total, currency, channel, status, occurred_at, source_system, external_id, recorded_at) VALUES ($1, $2, 10, 'EUR', 'WEB', $3, $4, 'test', $5, $4)`,
      [id, customerId, status, at, `T-${id}`],
    );
    for (const [i, sku] of skus.entries()) {
      await harness.dataSource.query(`INSERT INTO transactions.order_line (order_id, line_no, sku, quantity, unit_price, line_total) VALUES ($1, $2, $3, 1, 5, 5)`, [id, i, sku]);
    }
  }

  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph, { consentDecider: decider, disclosureRecorder: new RecordingDisclosureRecorder() });
    const now = new Date().toISOString();
    for (const [sku, category, stock] of [['SKU-90001', 'Garden', 10], ['SKU-90002', 'Garden', 0], ['SKU-90003', 'Kitchen', 5], ['SKU-90004', 'Books', 5]] as const) {
      await harness.dataSource.query(`INSERT INTO transactions.product (sku, name, category, price, currency, stock_level, updated_at) VALUES ($1, $1, $2, 5, 'EUR', $3, $4)`, [sku, category, stock, now]);
    }
    // In the window (365 days): 4 COMPLETED orders. 90001 is in 3 of them, 90003 in 3; both together in 2.
    await order(profiled, ['SKU-90001', 'SKU-90003']);
    await order(withheld, ['SKU-90001', 'SKU-90003']);
    await order(withheld, ['SKU-90001', 'SKU-90004']);
    await order(third, ['SKU-90003', 'SKU-90004']);
    // Outside the co-purchase statistics: refunded, or older than the window (but still a purchase of `profiled`).
    await order(third, ['SKU-90001', 'SKU-90004'], 5, 'REFUNDED');
    await order(profiled, ['SKU-90004', 'SKU-90003'], 800);
    await valueService(harness).refreshAll();
  });
  afterAll(() => harness.close());

  it('computes "bought X, also bought Y" from order lines with hand-checked support and confidence', async () => {
    const r = await facts([profiled, withheld], ['SKU-90001']);
    expect(r.errors).toBeUndefined();
    // support = 2 orders together / 4 orders in the window; confidence = 2 / 3 orders holding X. Pairs seen once are noise.
    expect(r.data!.offerTargetingFacts.coPurchases).toEqual([
      { sku: 'SKU-90001', alsoBought: 'SKU-90003', together: 2, support: 0.5, confidence: 0.6667 },
      { sku: 'SKU-90003', alsoBought: 'SKU-90001', together: 2, support: 0.5, confidence: 0.6667 },
    ]);
  });

  it('reports stock and category of the asked and the co-purchased skus', async () => {
    const r = await facts([profiled], ['SKU-90002', 'SKU-90001']);
    expect(r.data!.offerTargetingFacts.products).toEqual([
      { sku: 'SKU-90001', category: 'Garden', inStock: true },
      { sku: 'SKU-90002', category: 'Garden', inStock: false },
      { sku: 'SKU-90003', category: 'Kitchen', inStock: true },
    ]);
  });

  it("gives each customer's bought categories and skus, and the value the value analysis gives, withheld without PROFILING consent", async () => {
    const r = await facts([profiled, withheld], []);
    const [p, w] = r.data!.offerTargetingFacts.customers;
    const value = await valueOf(harness, profiled);
    expect(p).toEqual({
      customerId: profiled, valueWithheld: false, lifecycleStage: value.lifecycleStage, monetary: value.rfm!.monetary, monetaryScore: value.rfm!.monetaryScore,
      predictedValue: value.lifetimeValue!.predicted, churnRisk: value.churnRisk,
      categories: [{ category: 'Kitchen', lines: 2 }, { category: 'Books', lines: 1 }, { category: 'Garden', lines: 1 }],
      skus: ['SKU-90001', 'SKU-90003', 'SKU-90004'],
    });
    expect(p.lifecycleStage).not.toBeNull();
    expect(w).toMatchObject({ customerId: withheld, valueWithheld: true, lifecycleStage: null, monetary: null, monetaryScore: null, predictedValue: null, churnRisk: null });
  });

  it('costs the same statements for 3 and 30 customers', async () => {
    statementCounter.reset();
    await facts([profiled, withheld, third], ['SKU-90001']);
    const few = statementCounter.total();
    statementCounter.reset();
    await facts([profiled, withheld, third, ...Array.from({ length: 27 }, () => randomUUID())], ['SKU-90001']);
    expect(statementCounter.total()).toBe(few);
    expect(few).toBe(1); // values, purchases, co-purchases and stock in one statement
  });

  it('skips the co-purchase statistics unless asked', async () => {
    const r = await facts([profiled], ['SKU-90001'], false);
    expect(r.data!.offerTargetingFacts.coPurchases).toEqual([]);
  });

  it('sends only the pairs the caller can use: Y among alsoBoughtIn, Y in stock, and only their products', async () => {
    const RESTRICTED = `query($c: [ID!]!, $s: [String!]!, $in: [String!], $stock: Boolean!) { offerTargetingFacts(customerIds: $c, skus: $s, withCoPurchases: true, alsoBoughtIn: $in, alsoBoughtInStock: $stock) {
      products { sku } coPurchases { sku alsoBought } } }`;
    const ask = (alsoBoughtIn: string[] | null, inStock: boolean) =>
      harness.execute<{ offerTargetingFacts: { products: { sku: string }[]; coPurchases: { sku: string; alsoBought: string }[] } }>(RESTRICTED, { c: [profiled], s: ['SKU-90004'], in: alsoBoughtIn, stock: inStock } as never);
    const only = await ask(['SKU-90003'], false);
    expect(only.data!.offerTargetingFacts.coPurchases).toEqual([{ sku: 'SKU-90001', alsoBought: 'SKU-90003' }]);
    expect(only.data!.offerTargetingFacts.products.map((p) => p.sku)).toEqual(['SKU-90003', 'SKU-90004']);
    expect((await ask([], false)).data!.offerTargetingFacts.coPurchases).toEqual([]);
    // Y out of stock: the engine can never offer it, so the pair stays home; the other pair still travels.
    await harness.dataSource.query(`UPDATE transactions.product SET stock_level = 0 WHERE sku = 'SKU-90001'`);
    try {
      const inStock = await ask(null, true);
      expect(inStock.data!.offerTargetingFacts.coPurchases).toEqual([{ sku: 'SKU-90001', alsoBought: 'SKU-90003' }]);
      expect((await ask(null, false)).data!.offerTargetingFacts.coPurchases).toHaveLength(2);
    } finally {
      await harness.dataSource.query(`UPDATE transactions.product SET stock_level = 10 WHERE sku = 'SKU-90001'`);
    }
  });

  it('is not part of the public graph', () => {
    expect(readFileSync('schema/api.graphql', 'utf8')).not.toContain('offerTargetingFacts');
    expect(readFileSync('schema/transactions.graphql', 'utf8')).toMatch(/offerTargetingFacts\([^)]*\): OfferTargetingFacts! @inaccessible/s);
  });
});
