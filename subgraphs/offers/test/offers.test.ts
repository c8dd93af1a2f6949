import { randomUUID } from 'node:crypto';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { offersSubgraph } from '../src';
import { offersApi } from './fixtures';

const OFFERS = `query($first: Int, $after: String, $status: OfferStatus, $campaignId: ID, $channel: OfferChannel) {
  offers(first: $first, after: $after, status: $status, campaignId: $campaignId, channel: $channel) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } }
  }
}`;
interface OffersPage {
  offers: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; name: string } }[] };
}

describe(`offers subgraph on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let api: ReturnType<typeof offersApi>;

  beforeAll(async () => {
    harness = await startSubgraphHarness(offersSubgraph);
    api = offersApi(harness);
  });
  afterAll(() => harness.close());

  describe('campaigns', () => {
    it('creates a campaign as DRAFT by default and reads it back', async () => {
      const created = await api.createCampaignRaw({ name: 'Spring', objective: 'Grow garden sales', endsAt: '2025-06-01T00:00:00Z' });
      expect(created.data?.createCampaign).toMatchObject({ name: 'Spring', status: 'DRAFT', endsAt: '2025-06-01T00:00:00.000Z' });
      const read = await harness.execute<{ campaign: { name: string; objective: string; offers: unknown[] } }>(`{ campaign(id: "${created.data!.createCampaign.id}") { name objective offers { id } } }`);
      expect(read.data?.campaign).toEqual({ name: 'Spring', objective: 'Grow garden sales', offers: [] });
    });

    it('refuses a campaign that ends before it starts, writing nothing', async () => {
      const before = await api.count('campaign');
      const result = await api.createCampaignRaw({ startsAt: '2025-06-01T00:00:00Z', endsAt: '2025-05-01T00:00:00Z' });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
      expect(await api.count('campaign')).toBe(before);
    });

    it('lists campaigns filtered by status', async () => {
      const paused = await api.createCampaign({ name: 'To pause' });
      expect((await api.setCampaignStatus(paused, 'PAUSED')).data?.setCampaignStatus.status).toBe('PAUSED');
      const list = await harness.execute<{ campaigns: { totalCount: number; edges: { node: { id: string } }[] } }>(`{ campaigns(status: PAUSED) { totalCount edges { node { id } } } }`);
      expect(list.data?.campaigns).toEqual({ totalCount: 1, edges: [{ node: { id: paused } }] });
    });

    it('never reopens a COMPLETED campaign', async () => {
      const id = await api.createCampaign();
      await api.setCampaignStatus(id, 'COMPLETED');
      const reopen = await api.setCampaignStatus(id, 'ACTIVE');
      expect(reopen.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('creating offers', () => {
    it('creates an offer with its benefit, products and campaign, defaulting to DRAFT and MARKETING consent', async () => {
      const campaignId = await api.createCampaign();
      const result = await api.createOfferRaw(campaignId, {
        name: 'camping', benefitType: 'AMOUNT_DISCOUNT', benefitValue: 25.5, currency: 'EUR', skus: ['SKU-00011', 'SKU-00001'], priority: 7,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.createOffer).toMatchObject({
        name: 'camping', status: 'DRAFT', benefitType: 'AMOUNT_DISCOUNT', benefitValue: 25.5, currency: 'EUR', consentPurpose: 'MARKETING', priority: 7,
        campaign: { id: campaignId }, products: [{ sku: 'SKU-00011' }, { sku: 'SKU-00001' }],
      });
    });

    it('asks for PERSONALISATION consent by default when the offer is tailored from customer data', async () => {
      const campaignId = await api.createCampaign();
      const offer = await api.createOffer(campaignId, { personalisationType: 'COLLABORATIVE' });
      expect(offer.consentPurpose).toBe('PERSONALISATION');
    });

    it('refuses a validity window that ends before it starts, writing nothing', async () => {
      const campaignId = await api.createCampaign();
      const before = [await api.count('offer'), await api.count('offer_product')];
      const result = await api.createOfferRaw(campaignId, { validFrom: '2025-06-01T00:00:00Z', validUntil: '2025-05-01T00:00:00Z', skus: ['SKU-00001'] });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'validUntil' });
      expect([await api.count('offer'), await api.count('offer_product')]).toEqual(before);
    });

    it('refuses a percent discount above 100, writing nothing', async () => {
      const campaignId = await api.createCampaign();
      const before = await api.count('offer');
      const result = await api.createOfferRaw(campaignId, { benefitType: 'PERCENT_DISCOUNT', benefitValue: 120, skus: ['SKU-00001'] });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'benefitValue' });
      expect(await api.count('offer')).toBe(before);
    });

    it.each([
      ['an amount discount without a currency', { benefitType: 'AMOUNT_DISCOUNT', benefitValue: 5 }],
      ['a zero amount discount', { benefitType: 'AMOUNT_DISCOUNT', benefitValue: 0, currency: 'EUR' }],
      ['free shipping with a value', { benefitType: 'FREE_SHIPPING', benefitValue: 5 }],
      ['fractional loyalty points', { benefitType: 'LOYALTY_POINTS', benefitValue: 10.5 }],
      ['a currency on a percent discount', { benefitType: 'PERCENT_DISCOUNT', benefitValue: 5, currency: 'EUR' }],
      ['a malformed sku', { skus: ['SKU 42'] }],
      ['a repeated sku', { skus: ['SKU-00001', 'SKU-00001'] }],
      ['an unknown consent purpose', { consentPurpose: 'PROFILING' }],
      ['a transparent offer on marketing consent', { personalisationType: 'TRANSPARENT', consentPurpose: 'MARKETING' }],
      ['an initial status of EXPIRED', { status: 'EXPIRED' }],
      ['an ACTIVE offer whose window has ended', { status: 'ACTIVE', validFrom: '2024-01-01T00:00:00Z', validUntil: '2024-02-01T00:00:00Z' }],
    ])('refuses %s with BAD_USER_INPUT', async (_case, input) => {
      const campaignId = await api.createCampaign();
      const result = await api.createOfferRaw(campaignId, input);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('accepts free shipping without a value', async () => {
      const campaignId = await api.createCampaign();
      const offer = await api.createOffer(campaignId, { benefitType: 'FREE_SHIPPING', benefitValue: null });
      expect(offer).toMatchObject({ benefitType: 'FREE_SHIPPING', benefitValue: null, currency: null });
    });

    it('answers NOT_FOUND for an unknown campaign, writing nothing', async () => {
      const before = [await api.count('offer'), await api.count('offer_product')];
      const result = await api.createOfferRaw(randomUUID(), { skus: ['SKU-00001'] });
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect([await api.count('offer'), await api.count('offer_product')]).toEqual(before);
    });
  });

  describe('offer status', () => {
    const statusOf = async (id: string) => (await harness.dataSource.query('SELECT status FROM offers.offer WHERE id = $1', [id]))[0].status as string;

    it('moves DRAFT -> ACTIVE -> PAUSED -> ACTIVE -> EXPIRED', async () => {
      const { id } = (await api.createOfferRaw(await api.createCampaign())).data!.createOffer;
      for (const status of ['ACTIVE', 'PAUSED', 'ACTIVE', 'EXPIRED']) {
        const result = await api.setOfferStatus(id, status);
        expect(result.data?.setOfferStatus.status).toBe(status);
      }
      expect(await statusOf(id)).toBe('EXPIRED');
    });

    it('keeps EXPIRED final', async () => {
      const { id } = await api.createOffer(await api.createCampaign());
      await api.setOfferStatus(id, 'EXPIRED');
      const result = await api.setOfferStatus(id, 'ACTIVE');
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', from: 'EXPIRED', to: 'ACTIVE' });
      expect(await statusOf(id)).toBe('EXPIRED');
    });

    it('refuses sending a live offer back to DRAFT', async () => {
      const { id } = await api.createOffer(await api.createCampaign());
      const result = await api.setOfferStatus(id, 'DRAFT');
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await statusOf(id)).toBe('ACTIVE');
    });

    it('treats setting the current status again as a no-op', async () => {
      const { id } = await api.createOffer(await api.createCampaign());
      const result = await api.setOfferStatus(id, 'ACTIVE');
      expect(result.data?.setOfferStatus.status).toBe('ACTIVE');
    });

    it('answers NOT_FOUND for an unknown offer and BAD_USER_INPUT for a malformed id', async () => {
      expect((await api.setOfferStatus(randomUUID(), 'PAUSED')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await api.setOfferStatus('nope', 'PAUSED')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('listing offers', () => {
    it('pages through a campaign with keyset cursors, each offer exactly once', async () => {
      const campaignId = await api.createCampaign();
      for (let i = 0; i < 5; i++) await api.createOffer(campaignId, { name: `page-${i}` });
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { data?: OffersPage | null } = await harness.execute<OffersPage, Record<string, unknown>>(OFFERS, { first: 2, after, campaignId });
        expect(page.data!.offers.totalCount).toBe(5);
        seen.push(...page.data!.offers.edges.map((e) => e.node.name));
        if (!page.data!.offers.pageInfo.hasNextPage) break;
        after = page.data!.offers.pageInfo.endCursor;
      }
      expect(seen).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
    });

    it('filters by status and channel together', async () => {
      const campaignId = await api.createCampaign();
      const sms = await api.createOffer(campaignId, { channel: 'SMS' });
      await api.createOffer(campaignId, { channel: 'WEB' });
      const pausedSms = await api.createOffer(campaignId, { channel: 'SMS' });
      await api.setOfferStatus(pausedSms.id, 'PAUSED');
      const result = await harness.execute<OffersPage, Record<string, unknown>>(OFFERS, { campaignId, status: 'ACTIVE', channel: 'SMS' });
      expect(result.data?.offers.edges.map((e) => e.node.id)).toEqual([sms.id]);
    });

    it('answers BAD_USER_INPUT for a garbage cursor or campaign id', async () => {
      expect((await harness.execute(OFFERS, { after: 'garbage' } as never)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await harness.execute(OFFERS, { campaignId: 'x' } as never)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it("lists a campaign's offers highest priority first", async () => {
      const campaignId = await api.createCampaign();
      const low = await api.createOffer(campaignId, { priority: 1 });
      const high = await api.createOffer(campaignId, { priority: 9 });
      const result = await harness.execute<{ campaign: { offers: { id: string }[] } }>(`{ campaign(id: "${campaignId}") { offers { id } } }`);
      expect(result.data?.campaign.offers).toEqual([{ id: high.id }, { id: low.id }]);
    });
  });

  describe('federation', () => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Offer { id headline campaign { name } products { __typename sku } } } }`;

    it('resolves Offer references, null for unknown or malformed ids', async () => {
      const campaignId = await api.createCampaign({ name: 'Ref campaign' });
      const offer = await api.createOffer(campaignId, { headline: 'Ref offer', skus: ['SKU-00042'] });
      const result = await harness.execute<{ _entities: unknown[] }, Record<string, unknown>>(ENTITIES, {
        r: [{ __typename: 'Offer', id: offer.id }, { __typename: 'Offer', id: randomUUID() }, { __typename: 'Offer', id: 'not-a-uuid' }],
      });
      expect(result.data?._entities).toEqual([
        { id: offer.id, headline: 'Ref offer', campaign: { name: 'Ref campaign' }, products: [{ __typename: 'Product', sku: 'SKU-00042' }] },
        null,
        null,
      ]);
    });

    it('returns Product references that carry only the sku', async () => {
      const offer = await api.createOffer(await api.createCampaign(), { skus: ['SKU-00007', 'SKU-00003'] });
      const result = await harness.execute<{ offer: { products: unknown[] } }>(`{ offer(id: "${offer.id}") { products { __typename sku } } }`);
      expect(result.data?.offer.products).toEqual([{ __typename: 'Product', sku: 'SKU-00007' }, { __typename: 'Product', sku: 'SKU-00003' }]);
    });
  });
});
