import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { demoProducts } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const DEMO = { seed: 41, customers: 4 };
const CATALOGUE = demoProducts(DEMO);
const inStock = CATALOGUE.filter((p) => p.stockLevel >= 100);
const LIVE = { validFrom: '2024-09-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' };
const OFFERS = `query($id: ID!) { customer(id: $id) { eligibleOffers { id } nextBestOffers(first: 20) { offer { id } reasons { code text } options { key } } } }`;
const RESPOND = `mutation($input: RecordMyOfferResponseInput!) { recordMyOfferResponse(input: $input) { id type optionKey } }`;
const ELIGIBILITY = `query($id: ID!) { offerEligibility(customerId: $id) { offer { id } status reason } }`;

type Answer = Awaited<ReturnType<typeof postGraphQL<Record<string, any>, Record<string, unknown>>>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The customer's own offer loop (issue 14 §3): a self-service token sees the offers staff would
 * see for it, segment-targeted ones included, without learning its segments; records its own
 * reactions (and an ADAPTIVE choice) to offers eligible for it only; staff can ask which rule
 * kept each live offer from a customer.
 */
describe(`the customer's own offer loop through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let lena: string; // lives in LI, consents to MARKETING: in the "Lives in LI" segment
  let otto: string; // lives in DK, consents to MARKETING
  let segmentId: string;
  const offers: Record<string, string> = {};
  let self: Record<string, string>;
  const adaptiveSkus = inStock.slice(0, 2).map((p) => p.sku);

  const ask = (source: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal): Promise<Answer> =>
    postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, parse(source), variables, headers); // eslint-disable-line @typescript-eslint/no-explicit-any
  const ok = async (source: string, variables: Record<string, unknown>, headers?: Record<string, string>) => {
    const r = await ask(source, variables, headers);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const customer = async (givenName: string, countryCode: string) => {
    const input = { givenName, familyName: 'Loop', email: `${givenName.toLowerCase()}-${randomUUID()}@example.com`, acquisitionChannel: 'WEB', address: { line1: '1 Main Street', postalCode: '9490', city: 'Town', countryCode } };
    const id: string = (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input })).createCustomer.id;
    await ok('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }', { input: { customerId: id, purposeCode: 'MARKETING', channel: 'WEB' } });
    return id;
  };
  const ids = (list: { id: string }[] | undefined) => (list ?? []).map((o) => o.id).sort();
  const respond = (input: Record<string, unknown>, headers = self) =>
    ask(RESPOND, { input: { eventId: `loop-${randomUUID()}`, customerId: lena, channel: 'WEB', ...input } }, headers);
  const errorOf = (r: Answer) => r.errors?.[0]?.extensions;

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    lena = await customer('Lena', 'LI');
    otto = await customer('Otto', 'DK');
    const segment = async (name: string, country: string) =>
      (await ok('mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id memberCount } }', { input: { name, rule: { condition: { field: 'COUNTRY', operator: 'EQ', values: [country] } } } })).createSegment;
    const li = await segment('Lives in LI', 'LI');
    const dk = await segment('Lives in DK', 'DK');
    expect(li.memberCount).toBeGreaterThanOrEqual(1);
    segmentId = li.id;
    const campaign = (await ok('mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', { input: { name: 'Own loop', startsAt: '2024-09-01T00:00:00Z', status: 'ACTIVE', holdoutPercent: 0 } })).createCampaign.id;
    const offer = async (name: string, extra: Record<string, unknown>) => {
      const input = { campaignId: campaign, name, headline: name, benefitType: 'PERCENT_DISCOUNT', benefitValue: 5, channel: 'EMAIL', personalisationType: 'COSMETIC', status: 'ACTIVE', priority: 100, ...LIVE, ...extra };
      offers[name] = (await ok('mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }', { input })).createOffer.id;
    };
    await offer('for LI residents', { targeting: { segmentIds: [li.id] } });
    await offer('for DK residents', { targeting: { segmentIds: [dk.id] } });
    await offer('choose your product', { personalisationType: 'ADAPTIVE', skus: adaptiveSkus, targeting: { segmentIds: [li.id] } });
    await offer('for everyone', {});
    await offer('for big spenders', { targeting: { minMonetary: 98765 } });
    self = await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: lena });
  });
  afterAll(() => platform?.close());

  it('a customer token gets the same offers staff see for it, segment-targeted ones included', async () => {
    const staff = await ask(OFFERS, { id: lena });
    const own = await ask(OFFERS, { id: lena }, self);
    expect(staff.errors).toBeUndefined();
    expect(own.errors).toBeUndefined();
    expect(ids(staff.data!.customer.eligibleOffers)).toContain(offers['for LI residents']);
    expect(ids(own.data!.customer.eligibleOffers)).toEqual(ids(staff.data!.customer.eligibleOffers));
    const picked = (r: Answer) => r.data!.customer.nextBestOffers.map((p: { offer: { id: string } }) => p.offer.id).sort();
    expect(picked(own)).toEqual(picked(staff));
    expect(ids(own.data!.customer.eligibleOffers)).not.toContain(offers['for DK residents']);
  });

  it("the customer's answer names no segment: no IN_SEGMENT reason, no segment id", async () => {
    const staff = JSON.stringify((await ask(OFFERS, { id: lena })).data);
    const own = JSON.stringify((await ask(OFFERS, { id: lena }, self)).data);
    expect(staff).toContain('IN_SEGMENT'); // the detector can fail
    expect(own).not.toContain('IN_SEGMENT');
    expect(own).not.toContain(segmentId);
  });

  it("an offer's targeting names no segment to the customer, while staff see it", async () => {
    const TARGETING = `query($id: ID!) { customer(id: $id) { eligibleOffers { id targeting { segmentIds } } } }`;
    const of = (r: Answer) => r.data!.customer.eligibleOffers.find((o: { id: string }) => o.id === offers['for LI residents']);
    expect(of(await ask(TARGETING, { id: lena })).targeting.segmentIds).toEqual([segmentId]);
    expect(of(await ask(TARGETING, { id: lena }, self)).targeting.segmentIds).toEqual([]);
  });

  it('records SHOWN, CLICKED and ACCEPTED with an ADAPTIVE choice, which staff then see on the response and the offer', async () => {
    const adaptive = offers['choose your product'];
    const pick = (await ask(OFFERS, { id: lena }, self)).data!.customer.nextBestOffers.find((p: { offer: { id: string } }) => p.offer.id === adaptive);
    const key: string = pick.options[0].key;
    for (const type of ['SHOWN', 'CLICKED']) expect((await respond({ offerId: adaptive, type })).errors).toBeUndefined();
    const accepted = await respond({ offerId: adaptive, type: 'ACCEPTED', optionKey: key });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.recordMyOfferResponse).toMatchObject({ type: 'ACCEPTED', optionKey: key });
    const seen = await ok('query($id: ID!) { customer(id: $id) { offerResponses(first: 10) { edges { node { type optionKey offer { id } } } } } }', { id: lena });
    const nodes = seen.customer.offerResponses.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toEqual(expect.arrayContaining([{ type: 'ACCEPTED', optionKey: key, offer: { id: adaptive } }, { type: 'SHOWN', optionKey: null, offer: { id: adaptive } }, { type: 'CLICKED', optionKey: null, offer: { id: adaptive } }]));
    const byOffer = await ok('query($id: ID!) { offer(id: $id) { responses(first: 10) { edges { node { type optionKey } } } } }', { id: adaptive });
    expect(byOffer.offer.responses.edges.map((e: { node: { optionKey: string | null } }) => e.node.optionKey)).toContain(key);
  });

  it('refuses another customer\'s id, without echoing it', async () => {
    const r = await respond({ offerId: offers['for everyone'], type: 'SHOWN', customerId: otto });
    expect(errorOf(r)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_CUSTOMER' });
    expect(JSON.stringify(r.errors)).not.toContain(otto);
  });

  it('an unknown offer and one not eligible for the customer get the same NOT_FOUND', async () => {
    const unknown = randomUUID();
    const r1 = await respond({ offerId: unknown, type: 'CLICKED' });
    const r2 = await respond({ offerId: offers['for DK residents'], type: 'CLICKED' });
    expect(errorOf(r1)).toMatchObject({ code: 'NOT_FOUND', reason: 'OFFER_NOT_AVAILABLE' });
    expect(errorOf(r2)).toEqual(errorOf(r1));
    expect(r2.errors![0].message).toBe(r1.errors![0].message);
    expect(JSON.stringify(r1.errors)).not.toContain(unknown);
  });

  it('refuses an option key that is not one of the offer\'s options, and one on a non-ADAPTIVE offer', async () => {
    const bogus = await respond({ offerId: offers['choose your product'], type: 'ACCEPTED', optionKey: 'product:NOPE-123' });
    expect(errorOf(bogus)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_OPTION' });
    expect(JSON.stringify(bogus.errors)).not.toContain('NOPE-123');
    const notAdaptive = await respond({ offerId: offers['for everyone'], type: 'ACCEPTED', optionKey: `product:${adaptiveSkus[0]}` });
    expect(errorOf(notAdaptive)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OFFER_NOT_ADAPTIVE' });
  });

  it('staff may record an ADAPTIVE choice through recordOfferResponse, validated the same way', async () => {
    const input = { eventId: `staff-${randomUUID()}`, offerId: offers['choose your product'], customerId: lena, type: 'ACCEPTED', channel: 'STORE' };
    const good = await ask('mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { optionKey } }', { input: { ...input, optionKey: `product:${adaptiveSkus[1]}` } });
    expect(good.errors).toBeUndefined();
    expect(good.data!.recordOfferResponse.optionKey).toBe(`product:${adaptiveSkus[1]}`);
    const bad = await ask('mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { optionKey } }', { input: { ...input, eventId: `staff-${randomUUID()}`, optionKey: 'product:none' } });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_OPTION' });
  });

  it('refuses REDEEMED from a customer token: redemptions come from orders', async () => {
    const r = await respond({ offerId: offers['for everyone'], type: 'REDEEMED' });
    expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REDEMPTION_FROM_ORDERS_ONLY' });
  });

  it('nothing was written by the refused responses', async () => {
    const seen = await ok('query($id: ID!) { customer(id: $id) { offerResponses(first: 50) { totalCount } } }', { id: lena });
    expect(seen.customer.offerResponses.totalCount).toBe(4); // SHOWN, CLICKED, ACCEPTED (self) and the staff ACCEPTED
  });

  it('only a self-service token may use recordMyOfferResponse', async () => {
    const staff = await ask(RESPOND, { input: { eventId: `x-${randomUUID()}`, offerId: offers['for everyone'], customerId: lena, type: 'SHOWN', channel: 'WEB' } });
    expect(errorOf(staff)?.code).toBe('FORBIDDEN');
  });

  it('offerEligibility tells staff, per live offer, ELIGIBLE or the first rule that failed', async () => {
    const r = await ok(ELIGIBILITY, { id: lena });
    const statusOf = (id: string) => r.offerEligibility.find((e: { offer: { id: string } }) => e.offer.id === id);
    expect(statusOf(offers['for LI residents'])).toMatchObject({ status: 'ELIGIBLE' });
    expect(statusOf(offers['for DK residents'])).toMatchObject({ status: 'NOT_IN_SEGMENT' });
    const noConsent = await customer('Nils', 'LI');
    await ok('mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { eventId } }', { input: { customerId: noConsent, purposeCode: 'MARKETING', channel: 'WEB' } });
    const withdrawn = await ok(ELIGIBILITY, { id: noConsent });
    expect(withdrawn.offerEligibility.find((e: { offer: { id: string } }) => e.offer.id === offers['for everyone'])).toMatchObject({ status: 'NO_CONSENT' });
  });

  it('offerEligibility says no more than the caller may see: a segment it may not read is NOT_IN_SEGMENT, a value never a figure', async () => {
    const marketing = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'campaign-studio', purpose: 'MARKETING' });
    const r = await ok(ELIGIBILITY, { id: lena }, marketing);
    const statusOf = (id: string) => r.offerEligibility.find((e: { offer: { id: string } }) => e.offer.id === id);
    // COUNTRY is LOCATION, never released to MARKETING: the member is answered as a non-member.
    expect(statusOf(offers['for LI residents'])).toMatchObject({ status: 'NOT_IN_SEGMENT' });
    const staff = await ok(ELIGIBILITY, { id: lena });
    const bigSpenders = staff.offerEligibility.find((e: { offer: { id: string } }) => e.offer.id === offers['for big spenders']);
    expect(['VALUE_WITHHELD', 'BELOW_VALUE_THRESHOLD']).toContain(bigSpenders.status);
    expect(bigSpenders.reason).not.toContain('98765');
  });

  it('offerEligibility refuses a junk customer id without echoing it', async () => {
    const r = await ask(ELIGIBILITY, { id: 'not-an-id-xyz' });
    expect(errorOf(r)?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(r.errors)).not.toContain('not-an-id-xyz');
  });

  it("an eventId another customer's response holds is recorded as the customer's own, naming nothing of that response", async () => {
    const eventId = `shared-${randomUUID()}`;
    const staff = await ok('mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { id } }', { input: { eventId, offerId: offers['for everyone'], customerId: otto, type: 'SHOWN', channel: 'WEB' } });
    const r = await ask('mutation($input: RecordMyOfferResponseInput!) { recordMyOfferResponse(input: $input) { id eventId type offer { id } customer { id } } }', {
      input: { eventId, offerId: offers['for everyone'], customerId: lena, type: 'SHOWN', channel: 'WEB' },
    }, self);
    // A CONFLICT here would tell the customer that someone else used the key (tests/adversarial/idempotency-key-oracle).
    expect(r.errors).toBeUndefined();
    expect(r.data?.recordMyOfferResponse).toMatchObject({ eventId, type: 'SHOWN', customer: { id: lena } });
    expect(JSON.stringify(r)).not.toContain(staff.recordOfferResponse.id);
    expect(JSON.stringify(r)).not.toContain(otto);
  });

  it('offerEligibility for an id no customer has is NOT_FOUND, like a hidden customer, without echoing it', async () => {
    const unknown = randomUUID();
    const r = await ask(ELIGIBILITY, { id: unknown });
    expect(r.data?.offerEligibility ?? null).toBeNull();
    expect(errorOf(r)?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(r.errors)).not.toContain(unknown);
  });

  it('offerEligibility is refused to a partner and to the customer itself', async () => {
    const partner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-x' });
    expect(errorOf(await ask(ELIGIBILITY, { id: lena }, partner))?.code).toBe('FORBIDDEN');
    expect(errorOf(await ask(ELIGIBILITY, { id: lena }, self))?.code).toBe('FORBIDDEN');
  });
});
