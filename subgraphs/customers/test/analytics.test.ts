import { randomUUID } from 'node:crypto';
import { CallerKind, DecisionReason, statementCounter, type ConsentDecider } from '@c360/shared';
import { internalCaller, noNoise, RecordingDisclosureRecorder, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { CustomerAggregateRepository } from '../src/analytics/customer-aggregate.repository';
import { readMinGroupSize } from '@c360/shared';

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

/** Who consented to PROFILING: every analytics-consenting customer unless a test says otherwise. */
let profilingConsented = [...consenting];

/** Consent as the consent service would answer for ANALYTICS and PROFILING, without SQL; other purposes reach nobody. */
const analyticsDecider: ConsentDecider = {
  decide: async (_caller, requests) => requests.map((r) => ({ ...r, allowed: false, reason: DecisionReason.NO_CONSENT })),
  audience: async (caller) => ({ everyone: false, customerIds: caller.purpose === 'ANALYTICS' ? [...consenting] : caller.purpose === 'PROFILING' ? profilingConsented : [] }),
};

describe(`customers BI aggregates on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    // Grouping and thresholds are checked on the exact figures; noise has its own tests (aggregate-release.e2e).
    harness = await startSubgraphHarness(customersSubgraph, { consentDecider: analyticsDecider, disclosureRecorder: new RecordingDisclosureRecorder() }, undefined, noNoise);
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

  it('answers with two SQL statements: the budget spend and the aggregate', async () => {
    statementCounter.reset();
    await counts('ACQUISITION_CHANNEL');
    expect(statementCounter.total()).toBe(2);
  });

  describe('by segment', () => {
    beforeAll(async () => {
      // "Big spenders": version 1 held the small group, the current version 2 holds the full group.
      // "Everyone": both groups, and the refusing customers (who are never counted).
      const segment = async (name: string, versions: string[][]) => {
        const id = randomUUID();
        await harness.dataSource.query(`INSERT INTO customers.segment (id, name, current_version, created_at, updated_at) VALUES ($1, $2, $3, now(), now())`, [id, name, versions.length]);
        for (const [i, members] of versions.entries()) {
          await harness.dataSource.query(
            `INSERT INTO customers.segment_version (segment_id, version, name, rule, purpose, created_by, created_at, evaluated_at, member_count) VALUES ($1, $2, $3, '{}', 'PROFILING', 'test', now(), now(), $4)`,
            [id, i + 1, name, members.length],
          );
          await harness.dataSource.query(`INSERT INTO customers.segment_member (segment_id, version, customer_id) SELECT $1, $2, unnest($3::uuid[])`, [id, i + 1, members]);
        }
      };
      await segment('Big spenders', [smallGroup, fullGroup]);
      await segment('Everyone', [[...fullGroup, ...smallGroup, ...refusing]]);
    });

    it("counts each segment's current members who consented to analytics, a customer in every segment it is in", async () => {
      const result = await counts('SEGMENT');
      expect(result).toMatchObject({
        suppressedGroups: 0,
        countedCustomers: 3 * K - 1,
        buckets: [
          { key: 'Big spenders', customers: K },
          { key: 'Everyone', customers: 2 * K - 1 },
        ],
      });
    });

    it('counts customers who did not consent to profiling apart, never by segment', async () => {
      profilingConsented = [...smallGroup];
      try {
        const result = await counts('SEGMENT');
        // The small group (k − 1, in "Everyone" only) is suppressed; the full group is withheld.
        expect(result).toMatchObject({ suppressedGroups: 1, buckets: [{ key: 'PROFILING_WITHHELD', customers: K }] });
      } finally {
        profilingConsented = [...consenting];
      }
    });

    it('answers with two SQL statements: the budget spend and the aggregate', async () => {
      statementCounter.reset();
      await counts('SEGMENT');
      expect(statementCounter.total()).toBe(2);
    });

    it('counts a customer in at most maxSegmentsPerCustomer segments', async () => {
      const joiner = randomUUID();
      await harness.dataSource.query(`INSERT INTO customers.customer (id, display_name, locale, acquisition_channel, created_at, updated_at) VALUES ($1, 'x', 'en', 'WEB', now(), now())`, [joiner]);
      for (let i = 0; i < 5; i++) {
        const id = randomUUID();
        await harness.dataSource.query(`INSERT INTO customers.segment (id, name, current_version, created_at, updated_at) VALUES ($1, $2, 1, now(), now())`, [id, `Bounded ${i}`]);
        await harness.dataSource.query(`INSERT INTO customers.segment_version (segment_id, version, name, rule, purpose, created_by, created_at) VALUES ($1, 1, $2, '{}', 'PROFILING', 'test', now())`, [id, `Bounded ${i}`]);
        await harness.dataSource.query(`INSERT INTO customers.segment_member (segment_id, version, customer_id) VALUES ($1, 1, $2)`, [id, joiner]);
      }
      const groups = await new CustomerAggregateRepository(harness.dataSource).countBySegment([joiner], null, 3);
      expect(groups).toHaveLength(3);
      expect(groups.every((g) => g.key.startsWith('Bounded ') && g.customers === 1)).toBe(true);
    });
  });
});

describe(`customers BI aggregates when every customer may be counted, on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph, undefined, undefined, noNoise);
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
