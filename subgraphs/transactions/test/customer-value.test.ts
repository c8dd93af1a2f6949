import { randomUUID } from 'node:crypto';
import { statementCounter } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { CustomerValueRepository } from '../src/value/customer-value.repository';
import { createValueLoaders } from '../src/value/value.loaders';
import { everyDays, insertOrders, valueOf, valueService, valuesOf, type PastOrder } from './value-fixtures';

/**
 * Eleven buyers with hand-computed values as of REF (window 365 days). Repeat buyers' mean
 * intervals are 10, 10, 10, 10, 390, 1, 2, 100 days: the prior rhythm for one-order buyers is
 * their median, 10. Previous-window buyers: returner, edge365, lost; the first two bought again,
 * so retention is 2/3 and the expected remaining lifetime 1 / (1 − 2/3) = 3 windows = 3 years.
 */
const REF = new Date('2026-01-01T00:00:00.000Z');
const C = {
  activeEdge: randomUUID(), // 40, 30, 20 days ago: rhythm 10, 20 days since = 2 × rhythm
  riskEdge: randomUUID(), // 41, 31, 21: one day past 2 × rhythm
  risk4x: randomUUID(), // 60, 50, 40: exactly 4 × rhythm
  lapsed4x: randomUUID(), // 61, 51, 41: one day past 4 × rhythm
  new90: randomUUID(), // one order exactly 90 days ago
  old91: randomUUID(), // one order 91 days ago
  returner: randomUUID(), // 400 (previous window) and 10 days ago
  edge365: randomUUID(), // 366 (previous window) and 365 days ago (first day of the window)
  frequent: randomUUID(), // 8 orders every 2 days, the last 2 days ago
  bigSpender: randomUUID(), // one order of 1000, 5 days ago
  lost: randomUUID(), // 500 and 400 days ago: nothing in the window
  cancelledOnly: randomUUID(),
  futureOnly: randomUUID(), // bought only after REF
  nothing: randomUUID(),
};

const ORDERS: PastOrder[] = [
  { customerId: C.activeEdge, daysAgo: 40, total: 10 },
  { customerId: C.activeEdge, daysAgo: 30, total: 20 },
  { customerId: C.activeEdge, daysAgo: 20, total: 30 },
  ...everyDays(C.riskEdge, 41, 21, 10, 10),
  ...everyDays(C.risk4x, 60, 40, 10, 10),
  ...everyDays(C.lapsed4x, 61, 41, 10, 10),
  { customerId: C.new90, daysAgo: 90, total: 50 },
  { customerId: C.old91, daysAgo: 91, total: 50 },
  { customerId: C.returner, daysAgo: 400, total: 100 },
  { customerId: C.returner, daysAgo: 10, total: 100 },
  { customerId: C.edge365, daysAgo: 366, total: 7 },
  { customerId: C.edge365, daysAgo: 365, total: 5 },
  ...everyDays(C.frequent, 16, 2, 2, 25),
  { customerId: C.bigSpender, daysAgo: 5, total: 1000 },
  { customerId: C.bigSpender, daysAgo: 3, total: 999, status: 'REFUNDED' },
  { customerId: C.lost, daysAgo: 500, total: 60 },
  { customerId: C.lost, daysAgo: 400, total: 40 },
  { customerId: C.cancelledOnly, daysAgo: 10, total: 80, status: 'CANCELLED' },
  { customerId: C.futureOnly, daysAgo: -5, total: 80 },
];

const churn = (days: number, rhythm: number) => 1 - Math.exp(-days / rhythm);

describe(`transactions Customer.value on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let refresh: Awaited<ReturnType<ReturnType<typeof valueService>['refreshAll']>>;

  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph);
    await insertOrders(harness, REF, ORDERS);
    refresh = await valueService(harness).refreshAll(REF);
  });
  afterAll(() => harness.close());

  const pick = async <K extends string>(field: (v: Awaited<ReturnType<typeof valueOf>>) => unknown, keys: K[]) => {
    const values = await valuesOf(harness, keys.map((k) => C[k as keyof typeof C]));
    return Object.fromEntries(keys.map((k, i) => [k, field(values[i])]));
  };

  it('reports how many customers it valued and scored, as of the reference date', () => {
    expect(refresh).toMatchObject({ customersValued: 11, customersScored: 10, refreshedAt: REF });
    expect(refresh.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('counts recency, frequency and monetary over the window, its first day included', async () => {
    const rfm = await pick((v) => [v.rfm!.recencyDays, v.rfm!.frequency, v.rfm!.monetary], ['activeEdge', 'returner', 'edge365', 'frequent', 'bigSpender', 'lost']);
    expect(rfm).toEqual({ activeEdge: [20, 3, 60], returner: [10, 1, 100], edge365: [365, 1, 5], frequent: [2, 8, 200], bigSpender: [5, 1, 1000], lost: [400, 0, 0] });
  });

  it('scores recency by quintile, most recent fifth = 5', async () => {
    const scores = await pick((v) => v.rfm!.recencyScore, ['edge365', 'old91', 'new90', 'lapsed4x', 'risk4x', 'riskEdge', 'activeEdge', 'returner', 'bigSpender', 'frequent']);
    expect(scores).toEqual({ edge365: 1, old91: 1, new90: 2, lapsed4x: 2, risk4x: 3, riskEdge: 3, activeEdge: 4, returner: 4, bigSpender: 5, frequent: 5 });
  });

  it('gives a tie group the lowest quintile any of its members reached', async () => {
    // Five one-order buyers fill tiles 1,1,2,2,3 and the four three-order buyers tiles 3,4,4,5: each group takes its lowest.
    const frequency = await pick((v) => v.rfm!.frequencyScore, ['new90', 'old91', 'returner', 'edge365', 'bigSpender', 'activeEdge', 'riskEdge', 'risk4x', 'lapsed4x', 'frequent']);
    expect(frequency).toEqual({ new90: 1, old91: 1, returner: 1, edge365: 1, bigSpender: 1, activeEdge: 3, riskEdge: 3, risk4x: 3, lapsed4x: 3, frequent: 5 });
    const monetary = await pick((v) => v.rfm!.monetaryScore, ['edge365', 'riskEdge', 'risk4x', 'lapsed4x', 'new90', 'old91', 'activeEdge', 'returner', 'frequent', 'bigSpender']);
    expect(monetary).toEqual({ edge365: 1, riskEdge: 1, risk4x: 1, lapsed4x: 1, new90: 3, old91: 3, activeEdge: 4, returner: 4, frequent: 5, bigSpender: 5 });
  });

  it('names the segment from the R and F scores; a buyer with nothing in the window is lost and unscored', async () => {
    const segments = await pick((v) => v.rfm!.segment, ['frequent', 'activeEdge', 'riskEdge', 'lapsed4x', 'new90', 'old91', 'returner', 'bigSpender', 'lost']);
    expect(segments).toEqual({
      frequent: 'CHAMPIONS', // R5 F5
      activeEdge: 'POTENTIAL_LOYALIST', // R4 F3
      riskEdge: 'NEED_ATTENTION', // R3 F3
      lapsed4x: 'AT_RISK', // R2 F3
      new90: 'HIBERNATING', // R2 F1
      old91: 'LOST', // R1 F1
      returner: 'PROMISING', // R4 F1
      bigSpender: 'NEW', // R5 F1
      lost: 'LOST',
    });
    const lost = await valueOf(harness, C.lost);
    expect([lost.rfm!.recencyScore, lost.rfm!.frequencyScore, lost.rfm!.monetaryScore]).toEqual([null, null, null]);
  });

  it('puts lifecycle stages exactly at their thresholds', async () => {
    const stages = await pick((v) => v.lifecycleStage, ['activeEdge', 'riskEdge', 'risk4x', 'lapsed4x', 'new90', 'old91', 'returner', 'edge365', 'lost']);
    expect(stages).toEqual({
      activeEdge: 'ACTIVE', // 20 days = 2 × 10
      riskEdge: 'AT_RISK', // 21 > 2 × 10
      risk4x: 'AT_RISK', // 40 = 4 × 10
      lapsed4x: 'LAPSED', // 41 > 4 × 10
      new90: 'NEW', // one order, 90 days
      old91: 'LAPSED', // one order, 91 days > 4 × the prior rhythm of 10
      returner: 'ACTIVE', // 10 days, own rhythm 390
      edge365: 'LAPSED', // 365 days, own rhythm 1
      lost: 'LAPSED', // nothing in the window
    });
  });

  it('computes churn risk from the own rhythm, or the base median rhythm for one-order customers', async () => {
    const risks = await pick((v) => v.churnRisk, ['activeEdge', 'riskEdge', 'risk4x', 'returner', 'frequent', 'bigSpender', 'new90', 'lost']);
    const expected = {
      activeEdge: churn(20, 10),
      riskEdge: churn(21, 10),
      risk4x: churn(40, 10),
      returner: churn(10, 390),
      frequent: churn(2, 2),
      bigSpender: churn(5, 10),
      new90: churn(90, 10),
      lost: churn(400, 100),
    };
    for (const [key, risk] of Object.entries(expected)) expect([key, risks[key]]).toEqual([key, expect.closeTo(risk, 9)]);
  });

  it('sums historical value ever and predicts AOV × yearly run rate × 3 expected years', async () => {
    const ltv = await pick((v) => v.lifetimeValue, ['activeEdge', 'returner', 'edge365', 'frequent', 'bigSpender', 'lost']);
    expect(ltv).toEqual({
      activeEdge: { orderCount: 3, historical: 60, averageOrderValue: 20, predicted: 180 },
      returner: { orderCount: 2, historical: 200, averageOrderValue: 100, predicted: 300 },
      edge365: { orderCount: 2, historical: 12, averageOrderValue: 6, predicted: 18 },
      frequent: { orderCount: 8, historical: 200, averageOrderValue: 25, predicted: 600 },
      bigSpender: { orderCount: 1, historical: 1000, averageOrderValue: 1000, predicted: 3000 },
      lost: { orderCount: 2, historical: 100, averageOrderValue: 50, predicted: 0 },
    });
  });

  it.each(['nothing', 'cancelledOnly', 'futureOnly'] as const)('values a customer with no completed purchase by REF (%s) as a prospect with zeros', async (key) => {
    expect(await valueOf(harness, C[key])).toEqual({
      currency: null,
      lifecycleStage: 'PROSPECT',
      churnRisk: null,
      scoringWithheld: false,
      refreshedAt: REF.toISOString(),
      rfm: { windowDays: 365, recencyDays: null, frequency: 0, monetary: 0, recencyScore: null, frequencyScore: null, monetaryScore: null, segment: null, scoresAsOf: REF.toISOString() },
      lifetimeValue: { orderCount: 0, historical: 0, averageOrderValue: 0, predicted: 0 },
    });
  });

  it('shows when each value was refreshed and whose quintiles scored it', async () => {
    const value = await valueOf(harness, C.frequent);
    expect([value.refreshedAt, value.rfm!.scoresAsOf, value.currency, value.scoringWithheld]).toEqual([REF.toISOString(), REF.toISOString(), 'EUR', false]);
  });

  it('costs the same number of SQL statements for 10 and 40 customers', async () => {
    const ids = [...Object.values(C), ...Array.from({ length: 40 }, () => randomUUID())];
    const countFor = async (n: number) => {
      statementCounter.reset();
      expect(await valuesOf(harness, ids.slice(0, n))).toHaveLength(n);
      return statementCounter.total();
    };
    const ten = await countFor(10);
    expect(await countFor(40)).toBe(ten);
    expect(ten).toBe(1);
  });

  it('withholds every score, but not the flag and the time, for customers the consent seam names', async () => {
    const loaders = createValueLoaders(new CustomerValueRepository(harness.dataSource), { withheld: async () => new Set([C.frequent]) }, 365);
    const [withheld, scored] = await Promise.all([loaders.customerValue.load(C.frequent), loaders.customerValue.load(C.returner)]);
    expect(withheld).toEqual({ currency: null, lifecycleStage: null, rfm: null, lifetimeValue: null, churnRisk: null, scoringWithheld: true, refreshedAt: REF });
    expect(scored.rfm?.segment).toBe('PROMISING');
  });

  it("refreshes a customer's value after recordOrder, placing it against the last full refresh's quintiles", async () => {
    const sku = 'SKU-VALUE-1';
    await harness.dataSource.query(`INSERT INTO transactions.product VALUES ($1, 'Value Kettle', 'Kitchen', 250, 'EUR', 10, now())`, [sku]);
    const before = Date.now();
    const recorded = await harness.execute(
      `mutation($input: RecordOrderInput!) { recordOrder(input: $input) { id } }`,
      { input: { customerId: C.old91, sourceSystem: 'webshop', externalId: `V-${randomUUID()}`, channel: 'WEB', currency: 'EUR', lines: [{ sku, quantity: 1 }] } } as never,
    );
    expect(recorded.errors).toBeUndefined();
    const value = await valueOf(harness, C.old91);
    expect(value).toMatchObject({
      lifecycleStage: 'ACTIVE',
      churnRisk: 0,
      // Recency 0 reaches the R5 edge (5 days), 1 order the F1 edge, 250 the M5 edge (200): R5 F1 is NEW.
      rfm: { recencyDays: 0, frequency: 1, monetary: 250, recencyScore: 5, frequencyScore: 1, monetaryScore: 5, segment: 'NEW', scoresAsOf: REF.toISOString() },
      // (50 + 250) / 2 × 1 order a year × the 3 years of the last full refresh.
      lifetimeValue: { orderCount: 2, historical: 300, averageOrderValue: 150, predicted: 450 },
    });
    expect(new Date(value.refreshedAt).getTime()).toBeGreaterThanOrEqual(before);
    expect((await valueOf(harness, C.new90)).refreshedAt).toBe(REF.toISOString());
  });
});
