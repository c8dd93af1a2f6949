import { demoCustomerId } from '@c360/shared';
import { noNoise, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { offersSubgraph } from '../src';
import { buildDemoResponses } from '../src/demo/demo-responses';
import { buildOffersDemo, seedOffersDemoData } from '../src/demo/seed-offers';

const options = { seed: 42, customers: 1000 };
type Stage = { customers: number };
type Performance = { reach: number; shown: Stage; clicked: Stage; accepted: Stage; redeemed: Stage; declined: Stage; attributedRevenue: number; uplift: { holdoutReach: number; absoluteUplift: number | null } | null };

describe(`offers demo responses on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let campaigns: { name: string; holdoutPercent: number; performance: Performance }[];

  beforeAll(async () => {
    // The demo's shape is checked on exact figures; noise has its own tests (aggregate-release.e2e).
    harness = await startSubgraphHarness(offersSubgraph, undefined, undefined, noNoise);
    await seedOffersDemoData(harness.dataSource, options);
    const result = await harness.execute<{ campaigns: { edges: { node: (typeof campaigns)[number] }[] } }>(`{ campaigns { edges { node { name holdoutPercent performance {
      reach attributedRevenue shown { customers } clicked { customers } accepted { customers } redeemed { customers } declined { customers } uplift { holdoutReach absoluteUplift }
    } } } } }`);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    campaigns = result.data!.campaigns.edges.map((e) => e.node);
  });
  afterAll(() => harness.close());

  it('builds the same responses for the same seed', () => {
    const build = () => buildDemoResponses(options, buildOffersDemo(options));
    expect(build()).toEqual(build());
    expect(build().length).toBeGreaterThan(5000);
  });

  it('gives every campaign a narrowing funnel, some declines and revenue', () => {
    for (const { performance: p } of campaigns) {
      expect(p.reach).toBeGreaterThan(100);
      expect(p.shown.customers).toBeGreaterThan(p.clicked.customers);
      expect(p.clicked.customers).toBeGreaterThan(p.accepted.customers);
      expect(p.accepted.customers).toBeGreaterThan(p.redeemed.customers);
      expect(p.redeemed.customers).toBeGreaterThan(0);
      expect(p.declined.customers).toBeGreaterThan(0);
      expect(p.attributedRevenue).toBeGreaterThan(0);
    }
  });

  it('holds 10% out of one campaign and measures a positive uplift there', () => {
    const withHoldout = campaigns.filter((c) => c.holdoutPercent > 0);
    expect(withHoldout.map((c) => c.holdoutPercent)).toEqual([10]);
    const { uplift, reach } = withHoldout[0].performance;
    expect(uplift!.holdoutReach).toBeGreaterThan(reach * 0.05);
    expect(uplift!.holdoutReach).toBeLessThan(reach * 0.2);
    expect(uplift!.absoluteUplift).toBeGreaterThan(0);
    expect(campaigns.filter((c) => c.holdoutPercent === 0).every((c) => c.performance.uplift === null)).toBe(true);
  });

  it('records redemptions with an order and revenue, and responses only from demo customers', async () => {
    const [row] = await harness.dataSource.query(
      `SELECT count(*) FILTER (WHERE type = 'REDEEMED' AND (order_id IS NULL OR revenue IS NULL))::int AS incomplete,
              count(*) FILTER (WHERE customer_id <> ALL($1::uuid[]))::int AS strangers
       FROM offers.offer_response`,
      [Array.from({ length: options.customers }, (_, i) => demoCustomerId(options, i))],
    );
    expect(row).toEqual({ incomplete: 0, strangers: 0 });
  });
});
