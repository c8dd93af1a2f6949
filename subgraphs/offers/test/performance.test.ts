import { randomUUID } from 'node:crypto';
import { demoId, statementCounter } from '@c360/shared';
import { noNoise, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { offersSubgraph } from '../src';
import { isHeldOut } from '../src/performance/holdout';
import { offersApi } from './fixtures';
import { responseInput, responsesApi } from './response-fixtures';

const PERFORMANCE = `query($id: ID!) { campaign(id: $id) { performance {
  reach conversionRate attributedRevenue
  shown { customers responses rateFromPrevious rateOfReach }
  clicked { customers responses rateFromPrevious rateOfReach }
  accepted { customers responses rateFromPrevious rateOfReach }
  redeemed { customers responses rateFromPrevious rateOfReach }
  declined { customers responses rateFromPrevious rateOfReach }
  byChannel { channel reach clicked accepted redeemed declined conversionRate attributedRevenue }
  uplift { holdoutPercent treatedConversionRate holdoutReach holdoutRedeemed holdoutConversionRate holdoutRevenue absoluteUplift relativeUplift incrementalRedemptions }
} } }`;

type Performance = { reach: number; byChannel: { channel: string }[]; uplift: { holdoutReach: number } | null } & Record<string, unknown>;

describe(`campaign performance and holdouts on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let api: ReturnType<typeof offersApi>;
  let responses: ReturnType<typeof responsesApi>;

  const performanceOf = async (campaignId: string): Promise<Performance> => {
    const result = await harness.execute<{ campaign: { performance: Performance } }, Record<string, unknown>>(PERFORMANCE, { id: campaignId });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.campaign.performance;
  };
  /** Customers on either side of a campaign's holdout line, found by the documented rule. */
  const customersOf = (campaign: { campaignId: string; holdoutPercent: number; holdoutSeed: number }, heldOut: boolean, n: number) => {
    const found: string[] = [];
    while (found.length < n) {
      const id = randomUUID();
      if (isHeldOut(campaign, id) === heldOut) found.push(id);
    }
    return found;
  };

  const saved = { BI_MIN_GROUP_SIZE: process.env.BI_MIN_GROUP_SIZE, AGGREGATE_DAILY_EPSILON_BUDGET: process.env.AGGREGATE_DAILY_EPSILON_BUDGET, AGGREGATE_MAX_AMOUNT_PER_CUSTOMER: process.env.AGGREGATE_MAX_AMOUNT_PER_CUSTOMER };
  beforeAll(async () => {
    // Formulas are checked on exact figures of small hand-made campaigns: no noise, k = 2 (the least the
    // settings allow) and a budget for every campaign read here (budgets have their own tests).
    process.env.BI_MIN_GROUP_SIZE = '2';
    process.env.AGGREGATE_DAILY_EPSILON_BUDGET = '1000';
    process.env.AGGREGATE_MAX_AMOUNT_PER_CUSTOMER = '500';
    harness = await startSubgraphHarness(offersSubgraph, undefined, undefined, noNoise);
    api = offersApi(harness);
    responses = responsesApi(harness);
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await harness.close();
  });

  describe('performance', () => {
    it('adds up the funnel, rates, revenue and channels of a hand-made campaign', async () => {
      const campaignId = await api.createCampaign();
      const email = (await api.createOffer(campaignId, { channel: 'EMAIL' })).id;
      const web = (await api.createOffer(campaignId, { channel: 'WEB' })).id;
      const other = (await api.createOffer(await api.createCampaign())).id;
      const [c1, c2, c3, c4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await responses.recordMany([
        responseInput(email, c1, 'SHOWN'), responseInput(email, c1, 'CLICKED'), responseInput(email, c1, 'ACCEPTED'),
        responseInput(email, c1, 'REDEEMED', { channel: 'STORE', revenue: 100.5 }),
        responseInput(email, c2, 'SHOWN'), responseInput(web, c2, 'SHOWN', { channel: 'WEB' }), responseInput(web, c2, 'CLICKED', { channel: 'WEB' }),
        responseInput(web, c2, 'ACCEPTED', { channel: 'WEB' }), responseInput(web, c2, 'REDEEMED', { channel: 'WEB', revenue: 40 }),
        responseInput(web, c2, 'REDEEMED', { channel: 'WEB', revenue: 9.5 }),
        responseInput(email, c3, 'SHOWN'), responseInput(email, c3, 'CLICKED'), responseInput(email, c3, 'DECLINED'),
        responseInput(web, c4, 'SHOWN', { channel: 'WEB' }),
        responseInput(other, c4, 'REDEEMED', { revenue: 1000 }),
      ]);

      const performance = await performanceOf(campaignId);

      expect(performance).toEqual({
        reach: 4,
        conversionRate: 0.5,
        attributedRevenue: 150,
        shown: { customers: 4, responses: 5, rateFromPrevious: null, rateOfReach: 1 },
        clicked: { customers: 3, responses: 3, rateFromPrevious: 0.75, rateOfReach: 0.75 },
        accepted: { customers: 2, responses: 2, rateFromPrevious: 2 / 3, rateOfReach: 0.5 },
        redeemed: { customers: 2, responses: 3, rateFromPrevious: 1, rateOfReach: 0.5 },
        declined: { customers: 1, responses: 1, rateFromPrevious: null, rateOfReach: 0.25 },
        byChannel: [
          { channel: 'EMAIL', reach: 3, clicked: 2, accepted: 1, redeemed: 0, declined: 1, conversionRate: 0, attributedRevenue: 0 },
          { channel: 'WEB', reach: 2, clicked: 1, accepted: 1, redeemed: 1, declined: 0, conversionRate: 0.5, attributedRevenue: 49.5 },
          // STORE reached no one (0 < k): left out whole, its redemption and revenue included.
        ],
        uplift: null,
      });
    });

    it('breaks an ADAPTIVE offer down per chosen option, leaving out an option fewer than k customers named', async () => {
      const campaignId = await api.createCampaign();
      const adaptive = (await api.createOffer(campaignId, { personalisationType: 'ADAPTIVE', skus: ['SKU-00001', 'SKU-00002', 'SKU-00003'] })).id;
      const [first, second, third] = ['product:SKU-00001', 'product:SKU-00002', 'product:SKU-00003'];
      const [c1, c2, c3, c4, c5] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await responses.recordMany([
        ...[c1, c2, c3, c4, c5].map((c) => responseInput(adaptive, c, 'SHOWN')),
        responseInput(adaptive, c1, 'CLICKED', { optionKey: first }), responseInput(adaptive, c1, 'ACCEPTED', { optionKey: first }),
        responseInput(adaptive, c2, 'CLICKED', { optionKey: first }), responseInput(adaptive, c2, 'CLICKED', { optionKey: first }), responseInput(adaptive, c2, 'ACCEPTED', { optionKey: first }),
        responseInput(adaptive, c3, 'CLICKED', { optionKey: second }), responseInput(adaptive, c3, 'DECLINED', { optionKey: second }),
        responseInput(adaptive, c4, 'CLICKED', { optionKey: second }),
        responseInput(adaptive, c5, 'CLICKED', { optionKey: third }),
      ]);
      const result = await harness.execute<{ campaign: { performance: { accepted: { customers: number }; byOption: unknown[] } } }, Record<string, unknown>>(
        `query($id: ID!) { campaign(id: $id) { performance { accepted { customers } byOption { offerId optionKey customers clicked accepted redeemed declined } } } }`,
        { id: campaignId },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.campaign.performance).toEqual({
        accepted: { customers: 2 },
        byOption: [
          { offerId: adaptive, optionKey: first, customers: 2, clicked: 2, accepted: 2, redeemed: 0, declined: 0 },
          { offerId: adaptive, optionKey: second, customers: 2, clicked: 2, accepted: 0, redeemed: 0, declined: 1 },
          // The third option was named by one customer (< k): left out whole.
        ],
      });
    });

    it('releases no figures for a campaign that reached fewer than k customers', async () => {
      const performance = await performanceOf(await api.createCampaign({ holdoutPercent: 10 }));
      expect(performance).toBeNull();
    });

    it('measures uplift against the holdout and keeps held-out customers out of reach and revenue', async () => {
      const holdoutPercent = 50;
      const campaignId = await api.createCampaign({ holdoutPercent, holdoutSeed: 7 });
      const offer = (await api.createOffer(campaignId)).id;
      const settings = { campaignId, holdoutPercent, holdoutSeed: 7 };
      const treated = customersOf(settings, false, 4);
      const held = customersOf(settings, true, 4);
      await responses.recordMany([
        ...treated.map((c) => responseInput(offer, c, 'SHOWN')),
        ...treated.slice(0, 2).map((c) => responseInput(offer, c, 'REDEEMED', { channel: 'WEB', revenue: 10 })),
        ...held.map((c) => responseInput(offer, c, 'SHOWN')),
        responseInput(offer, held[0], 'REDEEMED', { channel: 'STORE', revenue: 30 }),
      ]);

      const performance = await performanceOf(campaignId);

      expect(performance).toMatchObject({ reach: 4, conversionRate: 0.5, attributedRevenue: 20, shown: { customers: 4, responses: 4 } });
      // WEB only redeemed (reach 0 < k), so only EMAIL is listed.
      expect(performance.byChannel.map((c: { channel: string }) => c.channel)).toEqual(['EMAIL']);
      expect(performance.uplift).toEqual({
        holdoutPercent: 50, treatedConversionRate: 0.5, holdoutReach: 4, holdoutRedeemed: 1, holdoutConversionRate: 0.25, holdoutRevenue: 30,
        absoluteUplift: 0.25, relativeUplift: 1, incrementalRedemptions: 1,
      });
    });

    it('reports each arm with intervals, the uplift interval, a p-value and the sample it would take', async () => {
      const campaignId = await api.createCampaign({ holdoutPercent: 50, holdoutSeed: 11 });
      const offer = (await api.createOffer(campaignId)).id;
      const settings = { campaignId, holdoutPercent: 50, holdoutSeed: 11 };
      const treated = customersOf(settings, false, 40);
      const held = customersOf(settings, true, 40);
      await responses.recordMany([
        ...[...treated, ...held].map((c) => responseInput(offer, c, 'SHOWN')),
        ...treated.slice(0, 12).map((c) => responseInput(offer, c, 'REDEEMED', { revenue: 10 })),
        ...held.slice(0, 4).map((c) => responseInput(offer, c, 'REDEEMED', { revenue: 30 })),
      ]);
      const query = `query($id: ID!) { campaign(id: $id) { performance { conversionInterval { low high } uplift {
        confidenceLevel absoluteUplift pValue minimumSamplePerArm warnings revenuePerCustomerUplift
        absoluteUpliftInterval { low high } revenuePerCustomerUpliftInterval { low high }
        treated { reach redeemed conversionRate conversionInterval { low high } revenue revenuePerCustomer revenuePerCustomerInterval { low high } }
        holdout { reach redeemed conversionRate conversionInterval { low high } revenue revenuePerCustomer }
      } } } }`;
      const result = await harness.execute<{ campaign: { performance: { conversionInterval: unknown; uplift: Record<string, any> } } }, { id: string }>(query, { id: campaignId }); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(result.errors).toBeUndefined();
      const { uplift, conversionInterval } = result.data!.campaign.performance;
      // Reference: 12/40 vs 4/40, Wilson and Newcombe intervals, pooled z-test, Fleiss sample size (computed independently).
      expect(uplift).toMatchObject({ confidenceLevel: 0.95, minimumSamplePerArm: 62, warnings: ['SMALL_SAMPLE', 'UNDERPOWERED'], revenuePerCustomerUplift: 0 });
      expect(uplift.treated).toMatchObject({ reach: 40, redeemed: 12, conversionRate: 0.3, revenue: 120, revenuePerCustomer: 3 });
      expect(uplift.holdout).toMatchObject({ reach: 40, redeemed: 4, conversionRate: 0.1, revenue: 120, revenuePerCustomer: 3 });
      expect(uplift.absoluteUplift).toBeCloseTo(0.2, 10);
      expect(uplift.pValue).toBeCloseTo(0.0253473, 6);
      expect(uplift.treated.conversionInterval.low).toBeCloseTo(0.1807485, 6);
      expect(uplift.treated.conversionInterval.high).toBeCloseTo(0.4543002, 6);
      expect(conversionInterval).toEqual(uplift.treated.conversionInterval);
      expect(uplift.holdout.conversionInterval.low).toBeCloseTo(0.0395795, 6);
      expect(uplift.holdout.conversionInterval.high).toBeCloseTo(0.2305178, 6);
      expect(uplift.absoluteUpliftInterval.low).toBeCloseTo(0.0232069, 6);
      expect(uplift.absoluteUpliftInterval.high).toBeCloseTo(0.3657081, 6);
      // Revenue per customer ≤ AGGREGATE_MAX_AMOUNT_PER_CUSTOMER (500 here): variance ≤ 3 × 497 / 40 per arm.
      expect(uplift.treated.revenuePerCustomerInterval.high).toBeCloseTo(3 + 1.959964 * Math.sqrt((3 * 497) / 40), 4);
      expect(uplift.revenuePerCustomerUpliftInterval.high).toBeCloseTo(1.959964 * Math.sqrt((2 * 3 * 497) / 40), 4);
    });

    it('computes performance for a list of campaigns in a constant number of statements', async () => {
      const query = `query($first: Int) { campaigns(first: $first) { edges { node { performance { reach uplift { holdoutReach } } } } } }`;
      for (let i = 0; i < 6; i++) await api.createCampaign();
      statementCounter.reset();
      await harness.execute(query, { first: 2 } as never);
      const forTwo = statementCounter.total();
      statementCounter.reset();
      const result = await harness.execute<{ campaigns: { edges: unknown[] } }>(query, { first: 8 } as never);
      expect(result.data?.campaigns.edges).toHaveLength(8);
      expect(statementCounter.total()).toBe(forTwo);
    });
  });

  describe('holdout membership', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => demoId(99, 'holdout-customer', i));

    it('holds out about holdoutPercent of 10,000 customers', () => {
      const campaign = { campaignId: randomUUID(), holdoutPercent: 10, holdoutSeed: 0 };
      const share = ids.filter((id) => isHeldOut(campaign, id)).length / ids.length;
      expect(share).toBeGreaterThan(0.09);
      expect(share).toBeLessThan(0.11);
    });

    it('draws a different holdout for another seed and none at 0%', () => {
      const campaignId = randomUUID();
      const first = ids.filter((id) => isHeldOut({ campaignId, holdoutPercent: 10, holdoutSeed: 0 }, id));
      const reseeded = ids.filter((id) => isHeldOut({ campaignId, holdoutPercent: 10, holdoutSeed: 1 }, id));
      expect(reseeded).not.toEqual(first);
      expect(ids.some((id) => isHeldOut({ campaignId, holdoutPercent: 0, holdoutSeed: 0 }, id))).toBe(false);
    });

    it('answers Campaign.isHeldOut by the documented rule, the same on every request', async () => {
      const campaignId = await api.createCampaign({ holdoutPercent: 25, holdoutSeed: 3 });
      const sample = ids.slice(0, 40);
      const query = `{ campaign(id: "${campaignId}") { holdoutPercent holdoutSeed ${sample.map((id, i) => `h${i}: isHeldOut(customerId: "${id}")`).join(' ')} } }`;
      const first = await harness.execute<{ campaign: Record<string, unknown> }>(query);
      const second = await harness.execute<{ campaign: Record<string, unknown> }>(query);
      const expected = Object.fromEntries(sample.map((id, i) => [`h${i}`, isHeldOut({ campaignId, holdoutPercent: 25, holdoutSeed: 3 }, id)]));
      expect(first.data?.campaign).toEqual({ holdoutPercent: 25, holdoutSeed: 3, ...expected });
      expect(second.data).toEqual(first.data);
      expect(Object.values(expected)).toContain(true);
      expect(Object.values(expected)).toContain(false);
    });

    it('is known in SQL exactly as in code: the performance split matches isHeldOut for 200 customers', async () => {
      const campaignId = await api.createCampaign({ holdoutPercent: 30, holdoutSeed: 11 });
      const offer = (await api.createOffer(campaignId)).id;
      const customers = ids.slice(100, 300);
      await responses.recordMany(customers.map((c) => responseInput(offer, c, 'SHOWN')));
      const held = customers.filter((c) => isHeldOut({ campaignId, holdoutPercent: 30, holdoutSeed: 11 }, c)).length;
      const performance = await performanceOf(campaignId);
      expect({ reach: performance.reach, holdoutReach: performance.uplift?.holdoutReach }).toEqual({ reach: 200 - held, holdoutReach: held });
    });

    it('keeps the offers of a campaign from the customers it holds out, and only those', async () => {
      const holdoutPercent = 50;
      const campaignId = await api.createCampaign({ holdoutPercent });
      const heldOffer = (await api.createOffer(campaignId, { priority: 500 })).id;
      const openOffer = (await api.createOffer(await api.createCampaign(), { priority: 499 })).id;
      const settings = { campaignId, holdoutPercent, holdoutSeed: 0 };
      const held = customersOf(settings, true, 3);
      const treated = customersOf(settings, false, 3);
      const result = await harness.execute<{ _entities: { id: string; eligibleOffers: { id: string }[] }[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id eligibleOffers { id } } } }`,
        { r: [...held, ...treated].map((id) => ({ __typename: 'Customer', id })) } as never,
      );
      const offered = result.data!._entities.map((c) => c.eligibleOffers.map((o) => o.id));
      for (const ids of offered.slice(0, 3)) expect([ids.includes(heldOffer), ids.includes(openOffer)]).toEqual([false, true]);
      for (const ids of offered.slice(3)) expect([ids.includes(heldOffer), ids.includes(openOffer)]).toEqual([true, true]);
    });
  });

  describe('holdout settings', () => {
    it.each([
      ['above 50 percent', { holdoutPercent: 50.01 }],
      ['negative', { holdoutPercent: -1 }],
      ['finer than a basis point', { holdoutPercent: 10.005 }],
      ['with a negative seed', { holdoutSeed: -1 }],
    ])('refuses a holdout %s with BAD_USER_INPUT', async (_case, input) => {
      const result = await api.createCampaignRaw(input);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('defaults to no holdout', async () => {
      const result = await harness.execute<{ campaign: unknown }>(`{ campaign(id: "${await api.createCampaign()}") { holdoutPercent holdoutSeed } }`);
      expect(result.data?.campaign).toEqual({ holdoutPercent: 0, holdoutSeed: 0 });
    });
  });
});
