import { randomUUID } from 'node:crypto';
import { CallerKind, DecisionReason, statementCounter, type ConsentDecider } from '@c360/shared';
import { internalCaller, RecordingDisclosureRecorder, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { readMinGroupSize } from '../src/analytics/analytics.settings';

const K = readMinGroupSize();

const COUNTS = `query Counts($groupBy: CustomerDimension!) {
  customerCounts(groupBy: $groupBy) { dimension minimumGroupSize countedCustomers suppressedGroups buckets { key customers } }
}`;

interface Counts {
  customerCounts: { dimension: string; minimumGroupSize: number; countedCustomers: number; suppressedGroups: number; buckets: { key: string; customers: number }[] };
}

const BI = internalCaller({ clientId: 'bi-dashboard', kind: CallerKind.BI, scopes: ['analytics:read'], purpose: 'ANALYTICS' });

/** Country "XK": exactly k consenting customers plus non-consenting ones; "XS": k−1 consenting. */
const consenting: string[] = [];
const fullGroup = Array.from({ length: K }, () => randomUUID());
const smallGroup = Array.from({ length: K - 1 }, () => randomUUID());
const refusing = Array.from({ length: 5 }, () => randomUUID());
consenting.push(...fullGroup, ...smallGroup);

/** Consent as the consent service would answer for ANALYTICS, without SQL; other purposes reach nobody. */
const analyticsDecider: ConsentDecider = {
  decide: async (_caller, requests) => requests.map((r) => ({ ...r, allowed: false, reason: DecisionReason.NO_CONSENT })),
  audience: async (caller) => ({ everyone: false, customerIds: caller.purpose === 'ANALYTICS' ? [...consenting] : [] }),
};

describe(`customers BI aggregates on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph, { consentDecider: analyticsDecider, disclosureRecorder: new RecordingDisclosureRecorder() });
    const insert = (id: string, country: string, createdAt: string) =>
      harness.dataSource.query(
        `INSERT INTO customers.customer (id, display_name, locale, acquisition_channel, country_code, created_at, updated_at) VALUES ($1, 'x', 'en', 'WEB', $2, $3, $3)`,
        [id, country, createdAt],
      );
    for (const id of fullGroup) await insert(id, 'XK', '2025-03-15T23:30:00.000Z');
    for (const id of smallGroup) await insert(id, 'XS', '2025-04-01T00:00:00.000Z');
    for (const id of refusing) await insert(id, 'XK', '2025-03-02T00:00:00.000Z');
  });
  afterAll(() => harness.close());

  const counts = async (groupBy: string) => {
    const result = await harness.execute<Counts, { groupBy: string }>(COUNTS, { groupBy }, BI);
    expect(result.errors).toBeUndefined();
    return result.data!.customerCounts;
  };

  it('counts only customers whose consent covers analytics', async () => {
    const result = await counts('COUNTRY');
    expect(result.countedCustomers).toBe(K);
  });

  it('shows a group of exactly k customers', async () => {
    const result = await counts('COUNTRY');
    expect(result.buckets).toEqual([{ key: 'XK', customers: K }]);
    expect(result.minimumGroupSize).toBe(K);
  });

  it('suppresses a group of k − 1 customers without revealing its key', async () => {
    const result = await counts('COUNTRY');
    expect(result.suppressedGroups).toBe(1);
    expect(result.buckets.map((b) => b.key)).not.toContain('XS');
  });

  it('groups by signup month in UTC', async () => {
    const result = await counts('SIGNUP_MONTH');
    expect(result).toMatchObject({ dimension: 'SIGNUP_MONTH', buckets: [{ key: '2025-03', customers: K }], suppressedGroups: 1 });
  });

  it('refuses callers without the analytics:read scope', async () => {
    const result = await harness.execute(COUNTS, { groupBy: 'COUNTRY' }, internalCaller());
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers with one SQL statement', async () => {
    statementCounter.reset();
    await counts('ACQUISITION_CHANNEL');
    expect(statementCounter.total()).toBe(1);
  });
});

describe(`customers BI aggregates when every customer may be counted, on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph);
    for (let i = 0; i < K; i++) {
      await harness.dataSource.query(
        `INSERT INTO customers.customer (id, display_name, locale, acquisition_channel, created_at, updated_at) VALUES ($1, 'x', 'en', 'STORE', now(), now())`,
        [randomUUID()],
      );
    }
  });
  afterAll(() => harness.close());

  it('counts everyone and names a missing region UNKNOWN', async () => {
    const result = await harness.execute<Counts, { groupBy: string }>(COUNTS, { groupBy: 'REGION' }, BI);
    expect(result.data?.customerCounts.buckets).toEqual([{ key: 'UNKNOWN', customers: K }]);
  });
});
