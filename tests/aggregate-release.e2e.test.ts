import { randomUUID } from 'node:crypto';
import { CallerKind, demoProducts, seededNoise } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import {
  CampaignPerformanceFiguresDocument,
  CampaignPerformancePrivacyBudgetDocument,
  CreateCampaignDocument,
  CreateCustomerDocument,
  CreateOfferDocument,
  CreateSegmentDocument,
  CustomerCountsByChannelDocument,
  CustomerCountsPrivacyBudgetDocument,
  GrantConsentDocument,
  RecordOfferResponsesDocument,
  RecordOrderDocument,
  RevenueBySalesChannelDocument,
  RevenuePrivacyBudgetDocument,
  SegmentListDocument,
  SegmentVersionSizesDocument,
  WithdrawConsentDocument,
} from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

// Defaults of the release policy (README, "BI and aggregates"): ε 1 per query, 20 per client per UTC day, k 10.
const EPSILON = 1;
const DAILY_BUDGET = 20;
const DEMO = { seed: 41, customers: 0 };
const PRODUCT = demoProducts(DEMO).find((p) => p.stockLevel >= 200)!;

/**
 * Issue 10, classes 5 and 8, through the gateway with real tokens. The noise comes from a seeded
 * stream, so every run draws the same numbers; the assertions hold for crypto noise too, with
 * high probability (they are bounds, not exact values).
 */
describe(`the aggregate release policy through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let clients = 0;
  /** A BI caller with a budget of its own (a fresh client id). */
  const freshBi = () => platform.tokens.headers(CallerKind.BI, { client_id: `bi-${++clients}-${randomUUID().slice(0, 8)}` });

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO, aggregateNoise: seededNoise('aggregate-release-e2e') });
  });
  afterAll(() => platform.close());

  const customer = async (acquisitionChannel: string) => {
    const r = await postGraphQL(platform.gatewayUrl, CreateCustomerDocument, { input: { givenName: 'Agg', acquisitionChannel, address: { city: 'Oslo', countryCode: 'NO' } } } as never, platform.internal);
    expect(r.errors).toBeUndefined();
    return r.data!.createCustomer.id;
  };
  const consentTo = async (customerId: string, purposeCode: string) => {
    const r = await postGraphQL(platform.gatewayUrl, GrantConsentDocument, { input: { customerId, purposeCode, channel: 'WEB' } } as never, platform.internal);
    expect(r.errors).toBeUndefined();
  };
  // A redemption attributes at most its order's total, so orders behind large revenues state their price.
  const order = async (customerId: string, occurredAt: string, quantity: number, unitPrice?: number) => {
    const input = { customerId, sourceSystem: 'agg-e2e', externalId: randomUUID(), channel: 'MARKETPLACE', occurredAt, currency: PRODUCT.currency, lines: [{ sku: PRODUCT.sku, quantity, ...(unitPrice ? { unitPrice } : {}) }] };
    const r = await postGraphQL(platform.gatewayUrl, RecordOrderDocument, { input } as never, platform.internal);
    expect(r.errors).toBeUndefined();
    return r.data!.recordOrder.id;
  };

  describe('class 8: differencing BI revenue over adjacent windows', () => {
    const target = { amount: 0 };
    beforeAll(async () => {
      // 12 consenting buyers early in January 2026, 12 late, and the target alone on 15 January.
      for (const day of ['05', '25'])
        for (let i = 0; i < 12; i++) {
          const id = await customer('WEB');
          await consentTo(id, 'ANALYTICS');
          await order(id, `2026-01-${day}T10:00:00.000Z`, 1);
        }
      const victim = await customer('WEB');
      await consentTo(victim, 'ANALYTICS');
      await order(victim, '2026-01-15T10:00:00.000Z', 3);
      target.amount = 3 * PRODUCT.price;
    });

    it('refuses a window edge inside a day (the millisecond attack), names the rule, echoes nothing and spends nothing', async () => {
      const bi = await freshBi();
      for (const [from, to] of [
        ['2026-01-01T00:00:00.000Z', '2026-01-15T10:00:00.000Z'],
        ['2026-01-15T10:00:00.001Z', '2026-02-01T00:00:00.000Z'],
        ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z'],
      ]) {
        const r = await postGraphQL(platform.gatewayUrl, RevenueBySalesChannelDocument, { from, to }, bi);
        expect(r.data?.revenue ?? null).toBeNull();
        expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'WHOLE_UTC_DAY' });
        expect(JSON.stringify(r.errors)).not.toMatch(/10:00|00:00:00\.001/);
      }
      const budget = await postGraphQL(platform.gatewayUrl, RevenuePrivacyBudgetDocument, {}, bi);
      expect(budget.data!.revenuePrivacyBudget).toEqual({ epsilonSpent: 0, epsilonRemaining: DAILY_BUDGET });
    });

    it('month minus the days before minus the days after does not recover the one order of the day between', async () => {
      const marketplace = async (bi: Record<string, string>, from: string, to: string) => {
        const r = await postGraphQL(platform.gatewayUrl, RevenueBySalesChannelDocument, { from, to }, bi);
        expect(r.errors).toBeUndefined();
        return r.data!.revenue!.buckets.find((b) => b.key === 'MARKETPLACE');
      };
      const estimates: number[] = [];
      let refused = 0;
      for (let attempt = 0; attempt < 30; attempt++) {
        const bi = await freshBi();
        const month = await marketplace(bi, '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
        const before = await marketplace(bi, '2026-01-01T00:00:00.000Z', '2026-01-15T00:00:00.000Z');
        const after = await marketplace(bi, '2026-01-16T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
        if (!month || !before || !after) refused++;
        else estimates.push(month.revenue - before.revenue - after.revenue);
      }
      // Without the policy every attempt answered exactly target.amount.
      const recovered = estimates.filter((e) => Math.abs(e - target.amount) <= 0.1 * target.amount).length;
      expect(recovered).toBeLessThan(0.2 * 30);
      expect(refused + estimates.length).toBe(30);
      if (estimates.length >= 2) {
        const mean = estimates.reduce((s, e) => s + e, 0) / estimates.length;
        const spread = Math.sqrt(estimates.reduce((s, e) => s + (e - mean) ** 2, 0) / estimates.length);
        expect(spread).toBeGreaterThan(10 * target.amount);
      }
    });
  });

  describe("class 8: counts before and after one customer's consent change", () => {
    it('move by noise, not by exactly that customer', async () => {
      for (let i = 0; i < 30; i++) await consentTo(await customer('REFERRAL'), 'ANALYTICS');
      const subject = await customer('REFERRAL');
      const referrals = async (bi: Record<string, string>) => {
        const r = await postGraphQL(platform.gatewayUrl, CustomerCountsByChannelDocument, {}, bi);
        expect(r.errors).toBeUndefined();
        return r.data!.customerCounts!.buckets.find((b) => b.key === 'REFERRAL')?.customers ?? 0;
      };
      const rounds = 16;
      const clientsBefore = await Promise.all(Array.from({ length: rounds }, freshBi));
      const before: number[] = [];
      for (const bi of clientsBefore) before.push(await referrals(bi));
      await consentTo(subject, 'ANALYTICS');
      const after: number[] = [];
      for (const bi of clientsBefore) after.push(await referrals(bi));

      const differences = after.map((a, i) => a - before[i]);
      // Exact counts moved by exactly 1 in every round; noisy ones rarely do, and the two sides overlap.
      expect(differences.filter((d) => d === 1).length).toBeLessThan(rounds / 2);
      expect(new Set(differences).size).toBeGreaterThan(3);
      expect(before.some((b) => after.includes(b))).toBe(true);
      // Withdrawing again is one more change the noise hides the same way.
      const withdrawn = await postGraphQL(platform.gatewayUrl, WithdrawConsentDocument, { input: { customerId: subject, purposeCode: 'ANALYTICS', channel: 'WEB' } } as never, platform.internal);
      expect(withdrawn.errors).toBeUndefined();
    });
  });

  describe('class 5: campaign performance with one responder', () => {
    it("gives a partner (and staff) no figure that isolates the customer's attributed revenue", async () => {
      const campaign = await postGraphQL(platform.gatewayUrl, CreateCampaignDocument, { input: { name: 'Lone responder', startsAt: '2025-09-01T00:00:00Z', status: 'ACTIVE' } } as never, platform.internal);
      const campaignId = campaign.data!.createCampaign.id;
      const offer = await postGraphQL(
        platform.gatewayUrl,
        CreateOfferDocument,
        {
          input: { campaignId, name: 'lone', headline: 'Lone', benefitType: 'PERCENT_DISCOUNT', benefitValue: 10, channel: 'EMAIL', personalisationType: 'COSMETIC', status: 'ACTIVE', priority: 1, validFrom: '2025-09-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' },
        } as never,
        platform.internal,
      );
      expect(offer.errors).toBeUndefined();
      const offerId = offer.data!.createOffer.id;
      const responder = await customer('EMAIL');
      const orderId = await order(responder, '2026-02-02T10:00:00.000Z', 1, 5000);
      const responses = ['SHOWN', 'CLICKED', 'ACCEPTED', 'REDEEMED'].map((type) => ({
        eventId: `lone-${type}-${campaignId}`, offerId, customerId: responder, type, channel: 'EMAIL', ...(type === 'REDEEMED' ? { orderId, revenue: 4321.99 } : {}),
      }));
      const recorded = await postGraphQL(platform.gatewayUrl, RecordOfferResponsesDocument, { inputs: responses } as never, platform.internal);
      expect(recorded.errors).toBeUndefined();

      const partner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-agg-e2e', client_id: 'partner-agg-e2e' });
      for (const caller of [partner, platform.internal]) {
        const r = await postGraphQL(platform.gatewayUrl, CampaignPerformanceFiguresDocument, { id: campaignId }, caller);
        expect(r.errors).toBeUndefined();
        expect(r.data!.campaign!.performance).toBeNull(); // one customer reached: under k, nothing released
        expect(JSON.stringify(r)).not.toContain('4321.99');
      }
      const spent = await postGraphQL(platform.gatewayUrl, CampaignPerformancePrivacyBudgetDocument, {}, partner);
      expect(spent.data!.campaignPerformancePrivacyBudget).toEqual({ epsilonSpent: EPSILON, epsilonRemaining: DAILY_BUDGET - EPSILON });
    });
  });

  describe('class 5: campaign performance before and after one more responder', () => {
    it("does not move the released revenue by that customer's amount", async () => {
      const campaign = await postGraphQL(platform.gatewayUrl, CreateCampaignDocument, { input: { name: 'Crowd', startsAt: '2025-09-01T00:00:00Z', status: 'ACTIVE' } } as never, platform.internal);
      const campaignId = campaign.data!.createCampaign.id;
      const input = { campaignId, name: 'crowd', headline: 'Crowd', benefitType: 'PERCENT_DISCOUNT', benefitValue: 10, channel: 'EMAIL', personalisationType: 'COSMETIC', status: 'ACTIVE', priority: 1, validFrom: '2025-09-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' };
      const offerId = (await postGraphQL(platform.gatewayUrl, CreateOfferDocument, { input } as never, platform.internal)).data!.createOffer.id;
      const respond = async (customerId: string, revenue: number) => {
        const orderId = await order(customerId, '2026-02-03T10:00:00.000Z', 1, 5000);
        const inputs = ['SHOWN', 'REDEEMED'].map((type) => ({ eventId: `crowd-${type}-${customerId}`, offerId, customerId, type, channel: 'EMAIL', ...(type === 'REDEEMED' ? { orderId, revenue } : {}) }));
        expect((await postGraphQL(platform.gatewayUrl, RecordOfferResponsesDocument, { inputs } as never, platform.internal)).errors).toBeUndefined();
      };
      for (let i = 0; i < 40; i++) await respond(await customer('EMAIL'), 20);
      const revenueFor = async (partner: Record<string, string>) => {
        const r = await postGraphQL(platform.gatewayUrl, CampaignPerformanceFiguresDocument, { id: campaignId }, partner);
        expect(r.errors).toBeUndefined();
        return r.data!.campaign!.performance?.attributedRevenue ?? null;
      };
      const partners = await Promise.all(Array.from({ length: 8 }, (_, i) => platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-agg-e2e', client_id: `partner-crowd-${i}` })));
      const before: (number | null)[] = [];
      for (const p of partners) before.push(await revenueFor(p));
      await respond(await customer('EMAIL'), 4321.99);
      const after: (number | null)[] = [];
      for (const p of partners) after.push(await revenueFor(p));
      // Exactly: after − before = 4321.99 every time. Released: clamped to 500 per customer and drowned in noise.
      const differences = after.map((a, i) => (a ?? 0) - (before[i] ?? 0));
      expect(differences.filter((d) => Math.abs(d - 4321.99) < 1)).toEqual([]);
      expect(Math.max(...differences) - Math.min(...differences)).toBeGreaterThan(4321.99);
      expect(JSON.stringify([before, after])).not.toContain('4321.99');
    });
  });

  describe('segment sizes', () => {
    it('reach staff exactly and no other caller: partners, customers and BI get FORBIDDEN, not a number', async () => {
      const created = await postGraphQL(
        platform.gatewayUrl,
        CreateSegmentDocument,
        { input: { name: 'Oslo aggregate', rule: { condition: { field: 'COUNTRY', operator: 'EQ', values: ['NO'] } } } } as never,
        platform.internal,
      );
      expect(created.errors).toBeUndefined();
      const staff = await postGraphQL(platform.gatewayUrl, SegmentListDocument, {}, platform.internal);
      expect(staff.data!.segments!.edges.find((e) => e.node.id === created.data!.createSegment.id)?.node.memberCount).toBeGreaterThan(0);

      const self = await customer('WEB');
      const callers = [
        await platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-agg-e2e' }),
        await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: self }),
        await platform.tokens.headers(CallerKind.BI, { scope: 'analytics:read' }), // its ceiling: one asking for customers:read is refused outright
      ];
      for (const caller of callers)
        for (const document of [SegmentListDocument, SegmentVersionSizesDocument]) {
          const r = await postGraphQL(platform.gatewayUrl, document as typeof SegmentListDocument, {}, caller);
          expect(r.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
          expect(JSON.stringify(r.data ?? null)).not.toMatch(/"memberCount":\d/);
        }
    });
  });

  describe('the per-client daily budget', () => {
    it('refuses the query past the budget with PRIVACY_BUDGET_EXHAUSTED and the reset time, and spends nothing more', async () => {
      const bi = await freshBi();
      for (let i = 0; i < DAILY_BUDGET / EPSILON; i++) {
        const r = await postGraphQL(platform.gatewayUrl, CustomerCountsByChannelDocument, {}, bi);
        expect(r.errors).toBeUndefined();
      }
      const refused = await postGraphQL(platform.gatewayUrl, CustomerCountsByChannelDocument, {}, bi);
      expect(refused.data?.customerCounts ?? null).toBeNull();
      const nextMidnight = new Date(Math.floor(Date.now() / 86_400_000 + 1) * 86_400_000).toISOString();
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'PRIVACY_BUDGET_EXHAUSTED', resetsAt: nextMidnight, epsilonRemaining: 0 });

      const budget = await postGraphQL(platform.gatewayUrl, CustomerCountsPrivacyBudgetDocument, {}, bi);
      expect(budget.data!.customerCountsPrivacyBudget).toEqual({ epsilonSpent: DAILY_BUDGET, epsilonRemaining: 0, epsilonPerQuery: EPSILON, resetsAt: nextMidnight });
      // Each subgraph keeps its own ledger: revenue still has the whole day's budget.
      const revenue = await postGraphQL(platform.gatewayUrl, RevenuePrivacyBudgetDocument, {}, bi);
      expect(revenue.data!.revenuePrivacyBudget).toEqual({ epsilonSpent: 0, epsilonRemaining: DAILY_BUDGET });
    });

    it('never overspends under concurrent queries', async () => {
      const bi = await freshBi();
      const answers = await Promise.all(Array.from({ length: 2 * DAILY_BUDGET + 5 }, () => postGraphQL(platform.gatewayUrl, CustomerCountsByChannelDocument, {}, bi)));
      const codes = answers.map((r) => (r.errors ? String(r.errors[0].extensions?.code) : 'OK'));
      expect(codes.filter((c) => c === 'OK')).toHaveLength(DAILY_BUDGET / EPSILON);
      expect(codes.filter((c) => c !== 'OK').every((c) => c === 'PRIVACY_BUDGET_EXHAUSTED')).toBe(true);
      const budget = await postGraphQL(platform.gatewayUrl, CustomerCountsPrivacyBudgetDocument, {}, bi);
      expect(budget.data!.customerCountsPrivacyBudget.epsilonSpent).toBe(DAILY_BUDGET);
    });
  });
});
