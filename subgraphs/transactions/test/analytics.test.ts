import { randomUUID } from 'node:crypto';
import { CallerKind, DecisionReason, statementCounter, type ConsentDecider } from '@c360/shared';
import { internalCaller, noNoise, RecordingDisclosureRecorder, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { RevenueAggregateRepository } from '../src/analytics/revenue-aggregate.repository';
import { RevenueDimension } from '../src/analytics/revenue-dimension';
import { readMinGroupSize } from '@c360/shared';

const K = readMinGroupSize();
import { valueService } from './value-fixtures';

const REVENUE = `query Revenue($groupBy: RevenueDimension!, $from: DateTimeISO, $to: DateTimeISO) {
  revenue(groupBy: $groupBy, from: $from, to: $to) { dimension minimumGroupSize suppressedGroups buckets { key customers orders revenue currency } }
}`;

interface Revenue {
  revenue: { dimension: string; minimumGroupSize: number; suppressedGroups: number; buckets: { key: string; customers: number; orders: number; revenue: number; currency: string }[] };
}

const UNBOUNDED = { maxGroupsPerCustomer: 100, maxOrdersPerCustomer: 1000, maxAmountPerCustomer: 1e6 };

const BI = internalCaller({ clientId: 'bi-dashboard', kind: CallerKind.BI, scopes: ['analytics:read'], purpose: 'ANALYTICS' });

/**
 * k consenting customers buy Alpha in the STORE in March (one of them also in January);
 * k − 1 consenting customers buy Beta through a PARTNER in April; refusing customers buy
 * Alpha in the STORE in March too, and one refunded order must not count either.
 */
const full = Array.from({ length: K }, () => randomUUID());
const small = Array.from({ length: K - 1 }, () => randomUUID());
const refusing = Array.from({ length: 3 }, () => randomUUID());

/** Who consented to PROFILING: every analytics-consenting customer unless a test says otherwise. */
let profilingConsented = [...full, ...small];

/** Consent as the consent service would answer for ANALYTICS and PROFILING, without SQL; other purposes reach nobody. */
const analyticsDecider: ConsentDecider = {
  decide: async (_caller, requests) => requests.map((r) => ({ ...r, allowed: false, reason: DecisionReason.NO_CONSENT })),
  audience: async (caller) => ({
    everyone: false,
    customerIds: caller.purpose === 'ANALYTICS' ? [...full, ...small] : caller.purpose === 'PROFILING' ? profilingConsented : [],
  }),
};

describe(`transactions BI revenue on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  const order = async (customerId: string, at: string, channel: string, sku: string, total: number, status = 'COMPLETED') => {
    const id = randomUUID();
    await harness.dataSource.query(
      `INSERT INTO transactions.customer_order (id, customer_id, total, currency, channel, status, occurred_at, source_system, external_id, recorded_at)
       VALUES ($1, $2, $3, 'EUR', $4, $5, $6, 'test', $7, $6)`,
      [id, customerId, total, channel, status, at, `BI-${id}`],
    );
    await harness.dataSource.query(`INSERT INTO transactions.order_line (order_id, line_no, sku, quantity, unit_price, line_total) VALUES ($1, 1, $2, 1, $3, $3)`, [id, sku, total]);
  };

  beforeAll(async () => {
    // Grouping, bounds and thresholds are checked on the exact figures; noise has its own tests (aggregate-release.e2e).
    harness = await startSubgraphHarness(transactionsSubgraph, { consentDecider: analyticsDecider, disclosureRecorder: new RecordingDisclosureRecorder() }, undefined, noNoise);
    await harness.dataSource.query(
      `INSERT INTO transactions.product (sku, name, category, price, currency, stock_level, updated_at)
       VALUES ('BI-A', 'A', 'Alpha', 10, 'EUR', 100, now()), ('BI-B', 'B', 'Beta', 20, 'EUR', 100, now())`,
    );
    for (const c of full) await order(c, '2025-03-10T12:00:00.000Z', 'STORE', 'BI-A', 10);
    await order(full[0], '2025-01-10T12:00:00.000Z', 'STORE', 'BI-A', 5);
    await order(full[1], '2025-03-11T12:00:00.000Z', 'STORE', 'BI-A', 99, 'REFUNDED');
    for (const c of small) await order(c, '2025-04-10T12:00:00.000Z', 'PARTNER', 'BI-B', 20);
    for (const c of refusing) await order(c, '2025-03-10T12:00:00.000Z', 'STORE', 'BI-A', 10);
  });
  afterAll(() => harness.close());

  const revenue = async (groupBy: string, range: { from?: string; to?: string } = {}) => {
    const result = await harness.execute<Revenue, Record<string, unknown>>(REVENUE, { groupBy, ...range }, BI);
    expect(result.errors).toBeUndefined();
    return result.data!.revenue;
  };

  it('counts only completed orders of customers whose consent covers analytics', async () => {
    const result = await revenue('MONTH');
    expect(result.buckets).toEqual([{ key: '2025-03', customers: K, orders: K, revenue: 10 * K, currency: 'EUR' }]);
  });

  it('shows a group of exactly k distinct customers, with all their orders', async () => {
    const result = await revenue('SALES_CHANNEL');
    expect(result.buckets).toEqual([{ key: 'STORE', customers: K, orders: K + 1, revenue: 10 * K + 5, currency: 'EUR' }]);
  });

  it('suppresses a group of k − 1 customers without revealing its key', async () => {
    const result = await revenue('SALES_CHANNEL');
    expect(result.suppressedGroups).toBe(1);
    expect(result.buckets.map((b) => b.key)).not.toContain('PARTNER');
  });

  it('groups order lines by product category', async () => {
    const result = await revenue('PRODUCT_CATEGORY');
    expect(result).toMatchObject({ suppressedGroups: 1, buckets: [{ key: 'Alpha', customers: K, orders: K + 1, revenue: 10 * K + 5 }] });
  });

  it('counts only orders placed in [from, to)', async () => {
    const result = await revenue('SALES_CHANNEL', { from: '2025-03-01T00:00:00.000Z', to: '2025-04-10T00:00:00.000Z' });
    expect(result).toMatchObject({ suppressedGroups: 0, buckets: [{ key: 'STORE', customers: K, orders: K, revenue: 10 * K }] });
  });

  it('refuses a range that ends before it starts', async () => {
    const result = await harness.execute(REVENUE, { groupBy: 'MONTH', from: '2025-05-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' }, BI);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses callers without the analytics:read scope', async () => {
    const result = await harness.execute(REVENUE, { groupBy: 'MONTH' }, internalCaller());
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers with two SQL statements: the budget spend and the aggregate', async () => {
    statementCounter.reset();
    await revenue('PRODUCT_CATEGORY');
    expect(statementCounter.total()).toBe(2);
  });

  it('groups by lifecycle stage from the value analysis', async () => {
    // As of May 2025 every single-purchase customer is NEW; the January-and-March buyer alone is ACTIVE.
    await valueService(harness).refreshAll(new Date('2025-05-01T00:00:00.000Z'));
    const result = await revenue('LIFECYCLE_STAGE');
    expect(result).toMatchObject({ suppressedGroups: 1, buckets: [{ key: 'NEW', customers: 2 * K - 2 }] });
  });

  it('groups by named RFM segment, and the customers who did not consent to profiling apart (before suppression)', async () => {
    const byKey = (rows: { key: string; customers: number }[]) => rows.map(({ key, customers }) => ({ key, customers })).sort((a, b) => (a.key < b.key ? -1 : 1));
    const groups = async (profiled: string[] | null) =>
      byKey(await new RevenueAggregateRepository(harness.dataSource).revenueBy({ dimension: RevenueDimension.RFM_SEGMENT, onlyIds: null, profiled, from: null, to: null }, UNBOUNDED));
    const bySegment: { key: string; customers: number }[] = await harness.dataSource.query(
      `SELECT coalesce(segment, 'NOT_SCORED') AS key, count(*)::int AS customers FROM transactions.customer_value WHERE customer_id = ANY($1::uuid[]) GROUP BY 1 ORDER BY 1`,
      [[...full, ...small, ...refusing]],
    );
    expect(await groups(null)).toEqual(byKey(bySegment));

    const smallOnly = await groups(small);
    const smallSegments: { key: string; customers: number }[] = await harness.dataSource.query(
      `SELECT coalesce(segment, 'NOT_SCORED') AS key, count(*)::int AS customers FROM transactions.customer_value WHERE customer_id = ANY($1::uuid[]) GROUP BY 1 ORDER BY 1`,
      [small],
    );
    expect(smallOnly).toEqual(byKey([...smallSegments, { key: 'SCORING_WITHHELD', customers: full.length + refusing.length }]));
  });

  it('never groups customers who did not consent to profiling by their scores', async () => {
    profilingConsented = [];
    try {
      for (const dimension of ['LIFECYCLE_STAGE', 'RFM_SEGMENT']) {
        const result = await revenue(dimension);
        expect(result).toMatchObject({ suppressedGroups: 0, buckets: [{ key: 'SCORING_WITHHELD', customers: 2 * K - 1, orders: 2 * K }] });
      }
    } finally {
      profilingConsented = [...full, ...small];
    }
  });

  it('bounds what one customer adds: at most maxGroups groups, maxOrders orders and maxAmount money per group', async () => {
    const whale = randomUUID();
    for (const month of ['01', '02', '03', '04']) for (let i = 0; i < 7; i++) await order(whale, `2024-${month}-1${i}T12:00:00.000Z`, 'WEB', 'BI-A', 2000);
    const bounds = { maxGroupsPerCustomer: 3, maxOrdersPerCustomer: 5, maxAmountPerCustomer: 500 };
    const rows = await new RevenueAggregateRepository(harness.dataSource).revenueBy({ dimension: RevenueDimension.MONTH, onlyIds: [whale], profiled: null, from: null, to: null }, bounds);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatchObject({ customers: 1, orders: 5, revenue: 500 });
  });
});
