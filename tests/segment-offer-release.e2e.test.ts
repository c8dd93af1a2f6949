import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { storageLabel } from '@c360/shared/testing';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const DEMO = { seed: 31, customers: 4 };
const LIVE = { validFrom: '2024-09-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' };
const PICKS = `query($id: ID!) { customer(id: $id) { eligibleOffers { id } nextBestOffers(first: 20) { offer { id } reasons { code text } } } }`;

/**
 * A segment's membership is its conditions' answer: an offer targeted at a segment over LOCATION
 * must not tell a caller whose purpose never releases LOCATION where the customer lives (class 7
 * through the offer engine, class 10: a targeted offer and its IN_SEGMENT reason are derived values).
 */
describe(`segment-targeted offers release membership only with the segment's categories, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let lena: string; // lives in LI, consents to MARKETING
  let otto: string; // lives in DK, consents to MARKETING
  let offerId: string;
  let marketing: Record<string, string>;
  const ask = async (source: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal) => {
    const r = await postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, parse(source), variables, headers); // eslint-disable-line @typescript-eslint/no-explicit-any
    return r;
  };
  const ok = async (source: string, variables: Record<string, unknown>) => {
    const r = await ask(source, variables);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const customer = async (givenName: string, countryCode: string) => {
    const input = { givenName, familyName: 'Segmented', email: `${givenName.toLowerCase()}-${randomUUID()}@example.com`, acquisitionChannel: 'WEB', address: { line1: '1 Main Street', postalCode: '9490', city: 'Town', countryCode } };
    const id: string = (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input })).createCustomer.id;
    await ok('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }', { input: { customerId: id, purposeCode: 'MARKETING', channel: 'WEB' } });
    return id;
  };
  const offersFor = (r: Awaited<ReturnType<typeof ask>>) => ({
    eligible: (r.data?.customer?.eligibleOffers ?? []).map((o: { id: string }) => o.id),
    picked: (r.data?.customer?.nextBestOffers ?? []).map((p: { offer: { id: string } }) => p.offer.id),
  });

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    lena = await customer('Lena', 'LI');
    otto = await customer('Otto', 'DK');
    // Written by a SERVICE-purpose staff app, whose purpose releases LOCATION for every customer.
    const segment = (await ok('mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id memberCount } }', { input: { name: 'Lives in LI', rule: { condition: { field: 'COUNTRY', operator: 'EQ', values: ['LI'] } } } })).createSegment;
    expect(segment.memberCount).toBeGreaterThanOrEqual(1);
    const campaign = (await ok('mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', { input: { name: 'Segment release', startsAt: '2024-09-01T00:00:00Z', status: 'ACTIVE' } })).createCampaign.id;
    const input = { campaignId: campaign, name: 'for LI residents', headline: 'Hi', benefitType: 'PERCENT_DISCOUNT', benefitValue: 5, channel: 'EMAIL', personalisationType: 'COSMETIC', status: 'ACTIVE', priority: 100, targeting: { segmentIds: [segment.id] }, ...LIVE };
    offerId = (await ok('mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }', { input })).createOffer.id;
    marketing = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'campaign-studio', purpose: 'MARKETING' });
  });
  afterAll(() => platform?.close());

  it('a caller whose purpose releases LOCATION sees the segment-targeted offer for the member only (the detector can fail)', async () => {
    expect(offersFor(await ask(PICKS, { id: lena })).picked).toContain(offerId);
    expect(offersFor(await ask(PICKS, { id: otto })).picked).not.toContain(offerId);
  });

  it('a MARKETING caller (LOCATION never released) gets the same answer for the member and the non-member: no IN_SEGMENT, no targeted offer', async () => {
    const [ofLena, ofOtto] = [await ask(PICKS, { id: lena }, marketing), await ask(PICKS, { id: otto }, marketing)];
    expect(ofLena.errors).toBeUndefined();
    expect(offersFor(ofLena).eligible).not.toContain(offerId);
    expect(offersFor(ofLena).picked).not.toContain(offerId);
    expect(JSON.stringify(ofLena.data)).not.toContain('IN_SEGMENT');
    // Other live offers may differ per customer (holdouts); this one must not tell them apart.
    const targeted = (r: typeof ofLena) => [...offersFor(r).eligible, ...offersFor(r).picked].filter((id: string) => id === offerId);
    expect(targeted(ofLena)).toEqual(targeted(ofOtto));
  });
});
