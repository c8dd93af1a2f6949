import { randomUUID } from 'node:crypto';
import { statementCounter } from '@c360/shared';
import { RecordingDisclosureRecorder, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { offersSubgraph } from '../src';
import { ExposureRepository } from '../src/eligibility/exposure.repository';
import { fakeConsent, fakeConsentDecider, fakePeers, fakeWorld } from './fake-peers';
import { offersApi } from './fixtures';
import { responseInput, responsesApi } from './response-fixtures';

const PAGE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer {
  id eligibleOffers { id }
  nextBestOffers(first: 20) { rank score offer { id } reasons { code contribution } content { products { sku } basis } options { key } }
} } }`;
interface Pick {
  rank: number;
  score: number;
  offer: { id: string };
  reasons: { code: string; contribution: number }[];
  content: { products: { sku: string }[]; basis: string };
  options: { key: string }[];
}
type Page = { _entities: { id: string; eligibleOffers: { id: string }[] | null; nextBestOffers: Pick[] | null }[] };

describe(`Customer.nextBestOffers in the offers subgraph on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let api: ReturnType<typeof offersApi>;
  let campaign: string;
  const world = fakeWorld();
  const consent = fakeConsent();
  const reps = (ids: string[]) => ids.map((id) => ({ __typename: 'Customer', id }));
  const page = (ids: string[]) => harness.execute<Page, Record<string, unknown>>(PAGE, { r: reps(ids) });
  const offeredTo = async (id: string) => (await page([id])).data!._entities[0].nextBestOffers!.map((p) => p.offer.id);

  beforeAll(async () => {
    world.products.set('SKU-00001', { category: 'Garden', inStock: true });
    world.products.set('SKU-00002', { category: 'Garden', inStock: false });
    world.products.set('SKU-00003', { category: 'Kitchen', inStock: true });
    harness = await startSubgraphHarness(offersSubgraph, { consentDecider: fakeConsentDecider(consent), disclosureRecorder: new RecordingDisclosureRecorder() }, fakePeers(world));
    api = offersApi(harness);
  });
  afterAll(() => harness.close());
  beforeEach(async () => {
    // Each test designs its own offers in a fresh campaign; earlier campaigns are paused.
    await harness.dataSource.query(`UPDATE offers.campaign SET status = 'PAUSED'`);
    campaign = await api.createCampaign();
    world.down.clear();
    world.calls.length = 0;
    consent.unavailable = false;
  });

  describe('targeting rules on offers', () => {
    it('stores and returns the targeting given at creation', async () => {
      const offer = await api.createOffer(campaign, { targeting: { segmentIds: ['seg-1'], lifecycleStages: ['ACTIVE', 'NEW'], minMonetary: 100.5, maxChurnRisk: 0.25, frequencyCap: { maxExposures: 2, withinDays: 7 } } });
      const r = await harness.execute<{ offer: { targeting: unknown } }>(`query($id: ID!) { offer(id: $id) { targeting { segmentIds lifecycleStages minMonetary minPredictedValue maxChurnRisk frequencyCap { maxExposures withinDays } } } }`, { id: offer.id } as never);
      expect(r.data!.offer.targeting).toEqual({ segmentIds: ['seg-1'], lifecycleStages: ['ACTIVE', 'NEW'], minMonetary: 100.5, minPredictedValue: null, maxChurnRisk: 0.25, frequencyCap: { maxExposures: 2, withinDays: 7 } });
    });

    it.each([
      ['a repeated lifecycle stage', { lifecycleStages: ['NEW', 'NEW'] }],
      ['a repeated segment', { segmentIds: ['s', 's'] }],
      ['a monetary threshold below zero', { minMonetary: -1 }],
      ['a monetary threshold with fractions of cents', { minMonetary: 1.001 }],
      ['a churn risk above 1', { maxChurnRisk: 1.5 }],
      ['a frequency cap of zero exposures', { frequencyCap: { maxExposures: 0, withinDays: 7 } }],
      ['an empty segment id', { segmentIds: [''] }],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, targeting) => {
      const before = await api.count('offer');
      const r = await api.createOfferRaw(campaign, { targeting });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await api.count('offer')).toBe(before);
    });

    it('replaces the targeting with setOfferTargeting, and refuses it for an EXPIRED offer', async () => {
      const offer = await api.createOffer(campaign, { targeting: { lifecycleStages: ['NEW'] } });
      const set = `mutation($id: ID!, $t: OfferTargetingInput!) { setOfferTargeting(id: $id, targeting: $t) { targeting { lifecycleStages minPredictedValue } } }`;
      const r = await harness.execute<{ setOfferTargeting: { targeting: unknown } }>(set, { id: offer.id, t: { minPredictedValue: 50 } } as never);
      expect(r.data!.setOfferTargeting.targeting).toEqual({ lifecycleStages: [], minPredictedValue: 50 });
      await api.setOfferStatus(offer.id, 'EXPIRED');
      const refused = await harness.execute(set, { id: offer.id, t: {} } as never);
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('eligibility from the peers', () => {
    it('never offers an all-out-of-stock offer and drops sold-out products from the others', async () => {
      const soldOut = await api.createOffer(campaign, { skus: ['SKU-00002'] });
      const partly = await api.createOffer(campaign, { skus: ['SKU-00002', 'SKU-00001'] });
      const picks = (await page([randomUUID()])).data!._entities[0].nextBestOffers!;
      expect(picks.map((p) => p.offer.id)).toEqual([partly.id]);
      expect(picks[0].content.products).toEqual([{ sku: 'SKU-00001' }]);
      expect(picks.map((p) => p.offer.id)).not.toContain(soldOut.id);
    });

    it('offers nothing to a customer without the consent the purpose needs, and nothing to anyone when consent cannot be decided', async () => {
      const marketing = await api.createOffer(campaign);
      const personal = await api.createOffer(campaign, { personalisationType: 'TRANSPARENT', consentPurpose: 'PERSONALISATION' });
      const onlyPersonalisation = randomUUID();
      consent.granted.set(onlyPersonalisation, new Set(['PERSONALISATION']));
      const nothing = randomUUID();
      consent.granted.set(nothing, new Set());
      expect(await offeredTo(onlyPersonalisation)).toEqual([personal.id]);
      expect(await offeredTo(nothing)).toEqual([]);
      consent.unavailable = true;
      // No decision, no offer, and said so: DECISION_UNAVAILABLE, never a silently empty list.
      const undecided = await page([randomUUID()]);
      expect(undecided.errors?.map((e) => e.extensions?.code)).toContain('DECISION_UNAVAILABLE');
      expect(marketing.id).toBeDefined();
    });

    it('stops offering a capped offer once it was SHOWN as often as its cap allows', async () => {
      const capped = await api.createOffer(campaign, { targeting: { frequencyCap: { maxExposures: 2, withinDays: 7 } } });
      const customer = randomUUID();
      const recent = new Date(Date.now() - 86_400_000).toISOString();
      await responsesApi(harness).record(responseInput(capped.id, customer, 'SHOWN', { occurredAt: recent }));
      const afterOne = (await page([customer])).data!._entities[0].nextBestOffers!;
      expect(afterOne.map((p) => p.offer.id)).toEqual([capped.id]);
      expect(afterOne[0].reasons.map((r) => r.code)).toContain('RECENTLY_SHOWN');
      await responsesApi(harness).record(responseInput(capped.id, customer, 'SHOWN', { occurredAt: recent }));
      expect(await offeredTo(customer)).toEqual([]);
    });

    it('respects the contact policy across campaigns: a channel used up for a customer offers nothing more through it, other channels still', async () => {
      const other = await api.createCampaign();
      const email = await api.createOffer(campaign, { channel: 'EMAIL' });
      const web = await api.createOffer(campaign, { channel: 'WEB' });
      const elsewhere = await api.createOffer(other, { channel: 'EMAIL' });
      const [customer, fresh] = [randomUUID(), randomUUID()];
      const policy = `mutation($input: SetContactPolicyInput!) { setContactPolicy(input: $input) { channel maxShown withinDays } }`;
      const set = await harness.execute(policy, { input: { channel: 'EMAIL', maxShown: 2, withinDays: 7 } } as never);
      expect(set.data).toEqual({ setContactPolicy: { channel: 'EMAIL', maxShown: 2, withinDays: 7 } });
      try {
        const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
        // Two EMAIL exposures of two different campaigns' offers in the week, one older than the window.
        await responsesApi(harness).record(responseInput(email.id, customer, 'SHOWN', { occurredAt: day(1) }));
        expect((await offeredTo(customer)).sort()).toEqual([email.id, web.id, elsewhere.id].sort());
        await responsesApi(harness).record(responseInput(elsewhere.id, customer, 'SHOWN', { occurredAt: day(2) }));
        await responsesApi(harness).record(responseInput(email.id, fresh, 'SHOWN', { occurredAt: day(8) }));
        expect(await offeredTo(customer)).toEqual([web.id]);
        const eligible = (await page([customer])).data!._entities[0].eligibleOffers!.map((o) => o.id);
        expect(eligible).toEqual([web.id]);
        // Another customer's exposures, and exposures older than the window, do not count.
        expect((await offeredTo(fresh)).sort()).toEqual([email.id, web.id, elsewhere.id].sort());
        const policies = await harness.execute(`{ contactPolicies { channel maxShown withinDays } }`);
        expect(policies.data).toEqual({ contactPolicies: [{ channel: 'EMAIL', maxShown: 2, withinDays: 7 }] });
        const refused = await harness.execute(policy, { input: { channel: 'EMAIL', maxShown: 2, withinDays: 0 } } as never);
        expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      } finally {
        await harness.execute(`mutation { removeContactPolicy(channel: EMAIL) }`);
      }
      expect((await offeredTo(customer)).sort()).toEqual([email.id, web.id, elsewhere.id].sort());
    });

    it('a contact policy of 0 silences its channel for every customer, also one never shown anything (absence of exposures is not an exemption)', async () => {
      const email = await api.createOffer(campaign, { channel: 'EMAIL' });
      const web = await api.createOffer(campaign, { channel: 'WEB' });
      const [seen, never] = [randomUUID(), randomUUID()];
      await responsesApi(harness).record(responseInput(web.id, seen, 'SHOWN', { occurredAt: new Date(Date.now() - 86_400_000).toISOString() }));
      const set = await harness.execute(`mutation { setContactPolicy(input: { channel: EMAIL, maxShown: 0, withinDays: 30 }) { maxShown } }`);
      expect(set.errors).toBeUndefined();
      try {
        const r = await page([seen, never]);
        expect(r.data!._entities.map((c) => c.nextBestOffers!.map((p) => p.offer.id))).toEqual([[web.id], [web.id]]);
        expect(r.data!._entities.map((c) => c.eligibleOffers!.map((o) => o.id))).toEqual([[web.id], [web.id]]);
      } finally {
        await harness.execute(`mutation { removeContactPolicy(channel: EMAIL) }`);
      }
      expect((await offeredTo(never)).sort()).toEqual([email.id, web.id].sort());
    });

    it('offers segment-targeted offers to members only, and none of them when the customers subgraph fails (the others still)', async () => {
      const segmented = await api.createOffer(campaign, { targeting: { segmentIds: ['seg-vip'] }, priority: 10 });
      const open = await api.createOffer(campaign);
      const [member, other] = [randomUUID(), randomUUID()];
      world.segments.set(member, ['seg-vip']);
      const r = await page([member, other]);
      expect(r.data!._entities.map((c) => c.nextBestOffers!.map((p) => p.offer.id))).toEqual([[segmented.id, open.id], [open.id]]);
      world.down.add('customers');
      expect(await offeredTo(member)).toEqual([open.id]);
    });

    it('matches lifecycle and value rules from the transactions facts, and fails closed for them (and for products) when transactions fails', async () => {
      const forActive = await api.createOffer(campaign, { targeting: { lifecycleStages: ['ACTIVE'] }, priority: 5 });
      const withProducts = await api.createOffer(campaign, { skus: ['SKU-00001'] });
      const plain = await api.createOffer(campaign, { priority: -5 });
      const [active, withheld] = [randomUUID(), randomUUID()];
      world.customers.set(active, { lifecycleStage: 'ACTIVE', monetary: 300, monetaryScore: 3 });
      world.customers.set(withheld, { valueWithheld: true });
      const r = await page([active, withheld]);
      expect(r.data!._entities.map((c) => c.nextBestOffers!.map((p) => p.offer.id))).toEqual([[forActive.id, withProducts.id, plain.id], [withProducts.id, plain.id]]);
      expect(r.data!._entities[1].nextBestOffers![0].reasons.map((x) => x.code)).toContain('VALUE_WITHHELD');
      world.down.add('transactions');
      expect(await offeredTo(active)).toEqual([plain.id]);
    });

    it("explains a value match without the customer's monetary, predicted value or churn risk figures", async () => {
      const valued = await api.createOffer(campaign, { targeting: { minMonetary: 150, minPredictedValue: 600, maxChurnRisk: 0.45 } });
      const customer = randomUUID();
      world.customers.set(customer, { lifecycleStage: 'ACTIVE', monetary: 357.25, monetaryScore: 4, predictedValue: 1234.5, churnRisk: 0.1375 });
      const texts = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { nextBestOffers { offer { id } reasons { code text } } } } }`;
      type Texts = { _entities: { nextBestOffers: { offer: { id: string }; reasons: { code: string; text: string }[] }[] }[] };
      const r = await harness.execute<Texts, Record<string, unknown>>(texts, { r: reps([customer]) });
      expect(r.errors).toBeUndefined();
      const [pick] = r.data!._entities[0].nextBestOffers;
      expect(pick.offer.id).toBe(valued.id);
      expect(pick.reasons.map((x) => x.code)).toContain('VALUE_MATCH');
      const said = pick.reasons.map((x) => x.text).join('\n');
      for (const figure of ['357', '1234', '0.1375', '13.75', '14%', '150', '600', '0.45']) expect(said).not.toContain(figure);
    });

    it('ignores representations that are not customer ids, without failing the others', async () => {
      const offer = await api.createOffer(campaign);
      const r = await page(['not-a-uuid', randomUUID()]);
      expect(r.errors).toBeUndefined();
      expect(r.data!._entities.map((c) => c.nextBestOffers!.map((p) => p.offer.id))).toEqual([[], [offer.id]]);
    });
  });

  it('reads exposures only as far back as the longest cap window or the 30-day recency window', async () => {
    const capped = await api.createOffer(campaign, { targeting: { frequencyCap: { maxExposures: 5, withinDays: 60 } } });
    const plain = await api.createOffer(campaign);
    const now = new Date('2025-06-01T12:00:00.000Z');
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const [regular, lapsed, stale] = [randomUUID(), randomUUID(), randomUUID()];
    const shown: [string, string, number][] = [
      [regular, capped.id, 10], [regular, capped.id, 45], [regular, capped.id, 61], [regular, plain.id, 29.9], [regular, plain.id, 45],
      [lapsed, capped.id, 61], [lapsed, plain.id, 100],
      [stale, plain.id, 45],
    ];
    for (const [customer, offer, days] of shown) await responsesApi(harness).record(responseInput(offer, customer, 'SHOWN', { occurredAt: ago(days) }));
    const exposures = new ExposureRepository(harness.dataSource);
    const read = async (offerIds: string[]) =>
      (await exposures.exposures([regular, lapsed, stale], offerIds, now)).byOffer
        .map((e) => ({ ...e, lastShownAt: e.lastShownAt.toISOString() }))
        .sort((a, b) => (a.customerId + a.offerId < b.customerId + b.offerId ? -1 : 1));

    const both = await read([capped.id, plain.id]);
    expect(both.find((e) => e.customerId === regular && e.offerId === capped.id)).toEqual({ customerId: regular, offerId: capped.id, shownInCapWindow: 2, lastShownAt: ago(10) });
    expect(both.find((e) => e.customerId === regular && e.offerId === plain.id)).toEqual({ customerId: regular, offerId: plain.id, shownInCapWindow: 0, lastShownAt: ago(29.9) });
    // Nothing in the 60-day window: neither a cap count nor a recency penalty could come of it.
    expect(both.filter((e) => e.customerId === lapsed)).toEqual([]);
    expect((await read([plain.id])).map((e) => [e.customerId, e.offerId])).toEqual([[regular, plain.id]]);
  });

  it('costs the same statements for 10 and 40 customers, and one call per peer per request', async () => {
    await api.createOffer(campaign, { skus: ['SKU-00001', 'SKU-00003'], personalisationType: 'COLLABORATIVE', consentPurpose: 'PERSONALISATION' });
    await api.createOffer(campaign, { targeting: { segmentIds: ['seg-vip'], frequencyCap: { maxExposures: 3, withinDays: 30 } } });
    await api.createOffer(campaign, { personalisationType: 'ADAPTIVE', skus: ['SKU-00001', 'SKU-00003'] });
    const ids = (n: number) => Array.from({ length: n }, () => randomUUID());

    statementCounter.reset();
    world.calls.length = 0;
    const ten = await page(ids(10));
    const forTen = { statements: statementCounter.total(), calls: world.calls.map((c) => c.peer).sort() };
    statementCounter.reset();
    world.calls.length = 0;
    const forty = await page(ids(40));
    const forForty = { statements: statementCounter.total(), calls: world.calls.map((c) => c.peer).sort() };

    expect(ten.errors).toBeUndefined();
    expect(forty.data!._entities.every((c) => c.nextBestOffers!.length === 2 && c.eligibleOffers!.length === 2)).toBe(true);
    expect(forForty).toEqual(forTen);
    expect(forTen).toEqual({ statements: 2, calls: ['customers', 'transactions'] });
    expect((world.calls.find((c) => c.peer === 'transactions')!.variables.customerIds as string[]).length).toBe(40);
  });

  it("draws each customer's COLLABORATIVE content from the co-purchases of what that customer bought", async () => {
    const collaborative = await api.createOffer(campaign, { personalisationType: 'COLLABORATIVE', consentPurpose: 'PERSONALISATION' });
    const [gardener, cook, newcomer] = [randomUUID(), randomUUID(), randomUUID()];
    world.customers.set(gardener, { skus: ['SKU-00001'] });
    world.customers.set(cook, { skus: ['SKU-00003'] });
    world.coPurchases = [
      { sku: 'SKU-00003', alsoBought: 'SKU-00001', together: 4, support: 0.04, confidence: 0.4 },
      { sku: 'SKU-00001', alsoBought: 'SKU-00002', together: 9, support: 0.09, confidence: 0.9 },
      { sku: 'SKU-00001', alsoBought: 'SKU-00003', together: 5, support: 0.05, confidence: 0.5 },
    ];
    try {
      const r = await page([gardener, cook, newcomer]);
      const picks = r.data!._entities.map((c) => c.nextBestOffers!);
      expect(picks.map((p) => p.map((x) => x.offer.id))).toEqual([[collaborative.id], [collaborative.id], [collaborative.id]]);
      // SKU-00002 is out of stock, so never recommended however strong its pair.
      expect(picks.map((p) => [p[0].content.basis, p[0].content.products.map((x) => x.sku)])).toEqual([
        ['CO_PURCHASE', ['SKU-00003']],
        ['CO_PURCHASE', ['SKU-00001']],
        ['AS_DESIGNED', []],
      ]);
      expect(picks.map((p) => p[0].reasons.find((x) => x.code === 'CO_PURCHASE')?.contribution)).toEqual([0.175, 0.14, undefined]);
    } finally {
      world.coPurchases = [];
    }
  });

  it('gives ADAPTIVE offers options to choose between', async () => {
    const adaptive = await api.createOffer(campaign, { personalisationType: 'ADAPTIVE', skus: ['SKU-00003', 'SKU-00002', 'SKU-00001'] });
    const [pick] = (await page([randomUUID()])).data!._entities[0].nextBestOffers!;
    expect(pick.offer.id).toBe(adaptive.id);
    expect(pick.options.map((o) => o.key)).toEqual(['product:SKU-00003', 'product:SKU-00001']);
  });
});
