import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { demoProducts } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const DEMO = { seed: 41, customers: 4 };
const TOTAL = 1234.56;
const RESPOND = 'mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { id } }';

/**
 * Validation is a predicate too: "revenue cannot exceed the order's total" compares the input with
 * Order.total (FINANCIAL). A caller that may not read the total must not learn it by bisecting
 * revenue until REVENUE_ABOVE_ORDER_TOTAL flips.
 */
describe(`a redemption's revenue check is no oracle on the order total, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let buyer: string;
  let orderId: string;
  let offerId: string;
  type Answer = Awaited<ReturnType<typeof postGraphQL<Record<string, any>, Record<string, unknown>>>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const ask = (source: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal): Promise<Answer> =>
    postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, parse(source), variables, headers); // eslint-disable-line @typescript-eslint/no-explicit-any
  const ok = async (source: string, variables: Record<string, unknown>) => {
    const r = await ask(source, variables);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const redeem = (revenue: number, headers: Record<string, string>) => ask(RESPOND, { input: { eventId: randomUUID(), offerId, customerId: buyer, type: 'REDEEMED', channel: 'STORE', orderId, revenue } }, headers);
  const outcome = (r: Answer) => (r.errors ? String(r.errors[0].extensions?.reason ?? r.errors[0].extensions?.code) : 'RECORDED');

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    buyer = (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { givenName: 'Rhea', familyName: 'Revenue', email: `rhea-${randomUUID()}@example.com`, acquisitionChannel: 'WEB' } })).createCustomer.id;
    await ok('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }', { input: { customerId: buyer, purposeCode: 'MARKETING', channel: 'WEB' } });
    const product = demoProducts(DEMO).find((p) => p.stockLevel >= 50 && p.currency === 'EUR')!;
    orderId = (await ok('mutation($input: RecordOrderInput!) { recordOrder(input: $input) { id } }', { input: { customerId: buyer, sourceSystem: 'till', externalId: `rev-${randomUUID()}`, channel: 'STORE', currency: 'EUR', lines: [{ sku: product.sku, quantity: 1, unitPrice: TOTAL }] } })).recordOrder.id;
    const campaign = (await ok('mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', { input: { name: 'Revenue oracle', startsAt: '2024-09-01T00:00:00Z', status: 'ACTIVE' } })).createCampaign.id;
    offerId = (await ok('mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }', { input: { campaignId: campaign, name: 'rev', headline: 'Rev', benefitType: 'PERCENT_DISCOUNT', benefitValue: 5, channel: 'EMAIL', personalisationType: 'COSMETIC', status: 'ACTIVE', validFrom: '2024-09-01T00:00:00Z', validUntil: '2099-01-01T00:00:00Z' } })).createOffer.id;
  });
  afterAll(() => platform?.close());

  it('staff allowed FINANCIAL still get REVENUE_ABOVE_ORDER_TOTAL (the check can fail)', async () => {
    expect(outcome(await redeem(TOTAL + 0.01, platform.internal))).toBe('REVENUE_ABOVE_ORDER_TOTAL');
    expect(outcome(await redeem(TOTAL, platform.internal))).toBe('RECORDED');
  });

  it.each([
    ['a MARKETING staff app (FINANCIAL never released)', () => platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'campaign-studio', purpose: 'MARKETING' })],
    ['the ERP token (no personal reads)', () => platform.tokens.headers(CallerKind.ERP_INTEGRATION, { scope: 'customers:read offers:write' })],
  ])('%s cannot read the total, and cannot bisect it through revenue', async (_name, headers) => {
    const caller = await headers();
    const read = await ask('query($id: ID!) { order(id: $id) { total } }', { id: orderId }, caller);
    expect(read.data?.order?.total ?? null).toBeNull();
    const [below, above] = [await redeem(TOTAL - 0.01, caller), await redeem(TOTAL + 0.01, caller)];
    expect(outcome(below)).toBe(outcome(above));
    expect(JSON.stringify(above)).not.toContain('REVENUE_ABOVE_ORDER_TOTAL');
  });

  it('replaying a recorded eventId is no oracle on its withheld content: a MARKETING staff app gets one answer whatever it guesses', async () => {
    // Ivo consented to nothing: MARKETING staff see his responses' rows (and eventIds), never their BEHAVIOURAL content.
    const ivo = (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { givenName: 'Ivo', familyName: 'Replay', email: `ivo-${randomUUID()}@example.com`, acquisitionChannel: 'WEB' } })).createCustomer.id;
    const eventId = `replay-${randomUUID()}`;
    const input = { eventId, offerId, customerId: ivo, type: 'CLICKED', channel: 'EMAIL' };
    const recorded = (await ok('mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { id } }', { input })).recordOfferResponse.id;
    const erp = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'campaign-studio', purpose: 'MARKETING' });
    const read = await ask('query($id: ID!) { offer(id: $id) { responses(first: 50) { edges { node { eventId channel type } } } } }', { id: offerId }, erp);
    const seen = read.data!.offer.responses.edges.find((e: { node: { eventId: string } }) => e.node.eventId === eventId).node;
    expect([seen.channel, seen.type]).toEqual([null, null]); // withheld from the ERP token
    const guess = (extra: Record<string, unknown>) => ask(RESPOND, { input: { ...input, ...extra } }, erp);
    const answers = [await guess({}), await guess({ channel: 'WEB' }), await guess({ type: 'SHOWN' })].map((r) => JSON.stringify({ data: r.data ?? null, errors: r.errors ?? null }));
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
    expect(answers[0]).toContain(recorded); // an honest retry still gets the recorded response back
    // Staff allowed to read the response still get CONFLICT for different content (the check can fail).
    expect((await ask(RESPOND, { input: { ...input, channel: 'WEB' } })).errors?.[0].extensions?.code).toBe('CONFLICT');
    // Nothing was overwritten.
    const truth = await ask('query($id: ID!) { offer(id: $id) { responses(first: 50) { edges { node { eventId channel type } } } } }', { id: offerId });
    expect(truth.data!.offer.responses.edges.find((e: { node: { eventId: string } }) => e.node.eventId === eventId).node).toEqual({ eventId, channel: 'EMAIL', type: 'CLICKED' });
  });
});
