import { randomUUID } from 'node:crypto';
import { demoCustomerId } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { DEMO, inStockProducts, orderInput, recordOrder, startSeededHarness } from './fixtures';
import { insertOrders, valueOf, valueService, valuesOf } from './value-fixtures';
import { finishedJob, startValueRefresh } from './value-refresh-jobs';
import { transactionsSubgraph } from '../src';


describe(`transactions value refreshes on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let seededAt: number;
  const product = inStockProducts[25];

  beforeAll(async () => {
    seededAt = Date.now();
    harness = await startSeededHarness();
  });
  afterAll(() => harness.close());

  it('values the demo customers right after seeding', async () => {
    const values = await valuesOf(harness, Array.from({ length: DEMO.customers }, (_, i) => demoCustomerId(DEMO, i)));
    const buyers = values.filter((v) => v.lifecycleStage !== 'PROSPECT');
    expect(buyers.length).toBeGreaterThan(DEMO.customers / 2);
    expect(buyers.every((v) => v.lifetimeValue!.historical > 0 && v.rfm!.scoresAsOf === v.refreshedAt)).toBe(true);
    expect(new Date(values[0].refreshedAt).getTime()).toBeGreaterThanOrEqual(seededAt);
  });

  it("turns a prospect into a NEW customer as soon as their first order is recorded, scored against the last quintiles", async () => {
    const customerId = randomUUID();
    expect((await valueOf(harness, customerId)).lifecycleStage).toBe('PROSPECT');
    const order = await recordOrder(harness, orderInput({ customerId, lines: [{ sku: product.sku, quantity: 2, unitPrice: 12.5 }] }));
    expect(order.errors).toBeUndefined();
    const value = await valueOf(harness, customerId);
    expect(value).toMatchObject({ lifecycleStage: 'NEW', churnRisk: 0, rfm: { recencyDays: 0, frequency: 1, monetary: 25, recencyScore: 5 }, lifetimeValue: { orderCount: 1, historical: 25 } });
    expect(value.rfm!.scoresAsOf).not.toBe(value.refreshedAt);
  });

  it('leaves the value alone when an order is replayed', async () => {
    const customerId = randomUUID();
    const input = orderInput({ customerId, lines: [{ sku: product.sku, quantity: 1, unitPrice: 10 }] });
    await recordOrder(harness, input);
    const first = await valueOf(harness, customerId);
    await recordOrder(harness, input);
    expect(await valueOf(harness, customerId)).toEqual(first);
  });

  it("takes a refunded or cancelled order out of the customer's value", async () => {
    const customerId = randomUUID();
    const ids: string[] = [];
    for (const price of [10, 30]) ids.push((await recordOrder(harness, orderInput({ customerId, lines: [{ sku: product.sku, quantity: 1, unitPrice: price }] }))).data!.recordOrder.id);
    expect((await valueOf(harness, customerId)).lifetimeValue).toMatchObject({ orderCount: 2, historical: 40 });
    await harness.execute(`mutation { setOrderStatus(id: "${ids[1]}", status: REFUNDED) { status } }`);
    expect((await valueOf(harness, customerId)).lifetimeValue).toMatchObject({ orderCount: 1, historical: 10 });
    await harness.execute(`mutation { setOrderStatus(id: "${ids[0]}", status: CANCELLED) { status } }`);
    expect((await valueOf(harness, customerId)).lifecycleStage).toBe('PROSPECT');
  });

  it('re-ranks the whole base on demand, in a background job that reports what it did', async () => {
    const before = Date.now();
    const started = await startValueRefresh(harness);
    expect(started).toMatchObject({ state: 'RUNNING', finishedAt: null, customersRefreshed: null });
    const refresh = await finishedJob(harness, started.id);
    const [{ buyers, scored }] = await harness.dataSource.query(
      `SELECT count(DISTINCT customer_id)::int AS buyers,
              count(DISTINCT customer_id) FILTER (WHERE occurred_at >= now() - interval '365 days')::int AS scored
       FROM transactions.customer_order WHERE status = 'COMPLETED'`,
    );
    expect(refresh).toMatchObject({ state: 'DONE', customersRefreshed: buyers, customersScored: scored, failure: null });
    expect(refresh.durationMs).toBeGreaterThanOrEqual(0);
    expect(new Date(refresh.startedAt).getTime()).toBeGreaterThanOrEqual(before);
    expect(new Date(refresh.finishedAt!).getTime()).toBeGreaterThanOrEqual(new Date(refresh.startedAt).getTime());
    const value = await valueOf(harness, demoCustomerId(DEMO, 0));
    expect(new Date(value.refreshedAt).getTime()).toBeGreaterThanOrEqual(new Date(refresh.startedAt).getTime());
    expect(new Date(value.refreshedAt).getTime()).toBeLessThanOrEqual(new Date(refresh.finishedAt!).getTime());
  });
});

describe(`churn risk far beyond a customer's rhythm on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph);
  });
  afterAll(() => harness.close());

  it('is 1 instead of failing the whole refresh (exp() underflow, found at 100k customers)', async () => {
    const customerId = randomUUID();
    // Two orders a day apart, then 3,000 days of silence: 3000 / 1 would underflow exp().
    await insertOrders(harness, new Date('2026-01-01T00:00:00Z'), [
      { customerId, daysAgo: 3001, total: 10 },
      { customerId, daysAgo: 3000, total: 10 },
    ]);
    await valueService(harness, 3650).refreshAll(new Date('2026-01-01T00:00:00Z'));
    expect((await valueOf(harness, customerId)).churnRisk).toBe(1);
  });
});
