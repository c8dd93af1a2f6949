import { randomUUID } from 'node:crypto';
import { demoProducts } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { CreateCampaignDocument, CreateCustomerDocument, CreateSegmentDocument, CreateOfferDocument, CustomerNextBestOffersDocument, GrantConsentDocument, RecordOrderDocument, RefreshCustomerValuesDocument } from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { refreshValuesAndWait } from './support/value-refresh';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const DEMO = { seed: 23, customers: 6 };
const CATALOGUE = demoProducts(DEMO);
const stocked = (category: string) => CATALOGUE.filter((p) => p.category === category && p.stockLevel >= 100);
const soldOut = CATALOGUE.find((p) => p.stockLevel === 0)!;
const LIVE = { validFrom: '2024-09-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' };

describe(`next best offers through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let cora: string; // consents to marketing, personalisation and profiling; buys garden products
  let sid: string; // consented to nothing
  const offers: Record<string, string> = {};
  const [bought, alsoBought] = stocked('Garden');
  const kitchen = stocked('Kitchen')[0];
  const ask = <T, V>(doc: Parameters<typeof postGraphQL<T, V>>[1], variables: V) => postGraphQL(platform.gatewayUrl, doc, variables, platform.internal);

  async function createCustomer(givenName: string): Promise<string> {
    const r = await ask(CreateCustomerDocument, { input: { givenName, familyName: 'Tester', email: `${givenName.toLowerCase()}-${randomUUID()}@example.com`, acquisitionChannel: 'WEB' } });
    expect(r.errors).toBeUndefined();
    return r.data!.createCustomer.id;
  }
  async function order(customerId: string, skus: string[]) {
    const r = await ask(RecordOrderDocument, { input: { customerId, sourceSystem: 'webshop', externalId: `nbo-${randomUUID()}`, channel: 'WEB', currency: 'EUR', lines: skus.map((sku) => ({ sku, quantity: 1 })) } });
    expect(r.errors).toBeUndefined();
  }
  async function createOffer(campaignId: string, name: string, input: Record<string, unknown>) {
    const r = await ask(CreateOfferDocument, {
      input: { campaignId, name, headline: `Headline ${name}`, benefitType: 'PERCENT_DISCOUNT', benefitValue: 10, channel: 'EMAIL', personalisationType: 'COSMETIC', status: 'ACTIVE', priority: 100, ...LIVE, ...input } as never,
    });
    expect(r.errors).toBeUndefined();
    offers[name] = r.data!.createOffer.id;
  }
  const nextBest = (id: string) => ask(CustomerNextBestOffersDocument, { id, first: 20 });

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    cora = await createCustomer('Cora');
    sid = await createCustomer('Sid');
    for (const purposeCode of ['MARKETING', 'PERSONALISATION', 'PROFILING']) {
      const r = await ask(GrantConsentDocument, { input: { customerId: cora, purposeCode, channel: 'WEB' } });
      expect(r.errors).toBeUndefined();
    }
    await order(cora, [bought.sku]);
    // Three other customers bought `bought` and `alsoBought` together: "customers who bought X also bought Y".
    for (let i = 0; i < 3; i++) await order(await createCustomer(`Other${i}`), [bought.sku, alsoBought.sku]);
    await order(sid, [bought.sku]);
    // Co-purchase statistics are rebuilt with the full value refresh (as a scheduled job would).
    const admin = await platform.tokens.headers(CallerKind.INTERNAL_APP, { scope: 'orders:write privacy:admin' });
    expect((await postGraphQL(platform.gatewayUrl, RefreshCustomerValuesDocument, {}, await platform.tokens.headers(CallerKind.ERP_INTEGRATION))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await refreshValuesAndWait(platform.gatewayUrl, admin);

    const campaignR = await ask(CreateCampaignDocument, { input: { name: 'Offer engine e2e', startsAt: '2024-09-01T00:00:00Z', status: 'ACTIVE' } as never });
    expect(campaignR.errors).toBeUndefined();
    const campaign = campaignR.data!.createCampaign.id;
    await createOffer(campaign, 'e2e-sold-out', { skus: [soldOut.sku] });
    await createOffer(campaign, 'e2e-partly-sold-out', { skus: [soldOut.sku, kitchen.sku], priority: 99 });
    await createOffer(campaign, 'e2e-together', { skus: [kitchen.sku, alsoBought.sku], personalisationType: 'COLLABORATIVE', priority: 98 });
    await createOffer(campaign, 'e2e-new-customers', { targeting: { lifecycleStages: ['NEW'] }, priority: 97 });
    await createOffer(campaign, 'e2e-big-spenders', { targeting: { minMonetary: 100000 }, priority: 100 });
    // Segments are evaluated by the customers subgraph (with transactions' purchase facts); offers ask for memberships.
    const segment = async (name: string, category: string) => {
      const r = await ask(CreateSegmentDocument, { input: { name, rule: { condition: { field: 'PURCHASED_CATEGORY', operator: 'EQ', values: [category] } } } as never });
      expect(r.errors).toBeUndefined();
      return r.data!.createSegment;
    };
    const gardeners = await segment('e2e gardeners', bought.category);
    expect(gardeners.memberCount).toBeGreaterThanOrEqual(2); // cora and sid, at least
    const cooks = await segment('e2e cooks', 'No such category');
    await createOffer(campaign, 'e2e-for-gardeners', { targeting: { segmentIds: [gardeners.id] }, priority: 96 });
    await createOffer(campaign, 'e2e-for-cooks', { targeting: { segmentIds: [cooks.id] }, priority: 100 });
  });

  it('targets segments: members get the offer with IN_SEGMENT, non-members never see it', async () => {
    const r = await nextBest(cora);
    expect(r.errors).toBeUndefined();
    const picks = r.data!.customer!.nextBestOffers!;
    const forGardeners = picks.find((p) => p.offer.name === 'e2e-for-gardeners');
    expect(forGardeners?.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['IN_SEGMENT', 'TARGETED']));
    expect(picks.map((p) => p.offer.name)).not.toContain('e2e-for-cooks');
    expect(r.data!.customer!.eligibleOffers!.map((o) => o.name)).not.toContain('e2e-for-cooks');
  });
  afterAll(() => platform.close());

  it('ranks the eligible offers for a consenting customer, each with its reasons', async () => {
    const r = await nextBest(cora);
    expect(r.errors).toBeUndefined();
    const picks = r.data!.customer!.nextBestOffers!;
    const mine = picks.filter((p) => p.offer.name.startsWith('e2e-'));
    expect(mine.map((p) => p.offer.name).sort()).toEqual(['e2e-for-gardeners', 'e2e-new-customers', 'e2e-partly-sold-out', 'e2e-together']);
    expect(picks.map((p) => p.rank)).toEqual(picks.map((_, i) => i + 1));
    expect([...picks.map((p) => p.score)]).toEqual([...picks.map((p) => p.score)].sort((a, b) => b - a));
    for (const pick of picks) expect(pick.reasons.find((reason) => reason.code === 'PRIORITY')).toBeDefined();
    const targeted = mine.find((p) => p.offer.name === 'e2e-new-customers')!;
    expect(targeted.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['LIFECYCLE_MATCH', 'TARGETED']));
  });

  it('never offers an out-of-stock product: a sold-out offer is not eligible, a partly sold-out one drops the product', async () => {
    const r = await nextBest(cora);
    const picks = r.data!.customer!.nextBestOffers!;
    expect(r.data!.customer!.eligibleOffers!.map((o) => o.name)).not.toContain('e2e-sold-out');
    const partly = picks.find((p) => p.offer.name === 'e2e-partly-sold-out')!;
    expect(partly.content.products).toEqual([{ sku: kitchen.sku, inStock: true }]);
    expect(partly.reasons.map((reason) => reason.code)).toContain('PARTLY_OUT_OF_STOCK');
    for (const pick of picks) expect(pick.content.products.every((p) => p.inStock)).toBe(true);
  });

  it('personalises a COLLABORATIVE offer from co-purchases, and a COSMETIC one through a greeting filled from the graph', async () => {
    const picks = (await nextBest(cora)).data!.customer!.nextBestOffers!;
    const together = picks.find((p) => p.offer.name === 'e2e-together')!;
    expect(together.content).toMatchObject({ basis: 'CO_PURCHASE', personalised: true, products: [{ sku: alsoBought.sku, inStock: true }] });
    expect(together.presentation.becauseYouBought).toEqual([{ sku: bought.sku }]);
    expect(together.reasons.find((reason) => reason.code === 'CO_PURCHASE')?.text).toContain(`also held ${alsoBought.sku}`);
    const cosmetic = picks.find((p) => p.offer.name === 'e2e-partly-sold-out')!;
    expect(cosmetic.presentation).toMatchObject({ greetingTemplate: 'Hello {givenName}', personalised: true });
    expect(cosmetic.customer.givenName).toBe('Cora');
  });

  it('offers nothing to a customer without marketing or personalisation consent', async () => {
    const r = await nextBest(sid);
    expect(r.errors).toBeUndefined();
    expect(r.data!.customer!.nextBestOffers).toEqual([]);
    expect(r.data!.customer!.eligibleOffers).toEqual([]);
  });
});
