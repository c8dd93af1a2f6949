import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { demoProducts } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { postGraphQL } from '../support/graphql-client';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';

const RESPOND = 'mutation($input: RecordMyOfferResponseInput!) { recordMyOfferResponse(input: $input) { id eventId type customer { id } } }';
const DEMO = { seed: 43, customers: 2 };
const LIVE = { validFrom: '2024-09-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' };

/**
 * An idempotency key a caller sends is its own name for its own write. Whether another customer's
 * record already holds that key is a fact about that customer: a self-service caller sending a key
 * taken by someone else must get the answer it gets for a key nobody holds (its write, recorded),
 * and a replay must stay idempotent. Anything else (a CONFLICT, a different shape) is an oracle on
 * other customers' keys.
 */
const TRANSIENT = ['DECISION_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE'];

describe(`idempotency keys held by other customers are no oracle, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let me: string;
  let other: string;
  let offerId: string;
  let self: Record<string, string>;

  const ask = (source: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal) =>
    postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, parse(source), variables, headers); // eslint-disable-line @typescript-eslint/no-explicit-any
  const ok = async (source: string, variables: Record<string, unknown>, headers?: Record<string, string>) => {
    let r = await ask(source, variables, headers);
    // Setup on a loaded machine: a peer call can miss its 1 s timeout; nothing was written or decided, so ask again.
    for (let retry = 0; retry < 5 && r.errors?.some((e) => TRANSIENT.includes(e.extensions?.code as string)); retry++) {
      await new Promise((done) => setTimeout(done, 2_500));
      r = await ask(source, variables, headers);
    }
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const customer = async (name: string) => {
    const id: string = (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { givenName: name, email: `${name}-${randomUUID()}@example.com`, acquisitionChannel: 'WEB' } })).createCustomer.id;
    await ok('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }', { input: { customerId: id, purposeCode: 'MARKETING', channel: 'WEB' } });
    return id;
  };
  /** What a caller can compare between two answers: errors, and the shape of the data with ids and keys blanked. */
  const shape = (r: Awaited<ReturnType<typeof ask>>) => ({
    errors: (r.errors ?? []).map((e) => e.extensions?.code),
    data: r.data?.recordMyOfferResponse ? { ...r.data.recordMyOfferResponse, id: 'ID' } : null,
  });

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    me = await customer('Maren');
    other = await customer('Odile');
    self = await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: me });
    const campaignId: string = (await ok('mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', { input: { name: 'Key probe', startsAt: '2024-09-01T00:00:00Z', status: 'ACTIVE' } })).createCampaign.id;
    const input = { campaignId, name: 'Key probe offer', headline: 'Probe', benefitType: 'PERCENT_DISCOUNT', benefitValue: 5, channel: 'WEB', personalisationType: 'COSMETIC', status: 'ACTIVE', priority: 1, skus: [demoProducts(DEMO).find((p) => p.stockLevel >= 50)!.sku], ...LIVE };
    offerId = (await ok('mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }', { input })).createOffer.id;
    // The offer is eligible for the caller (the transactions facts a cold, loaded platform may miss fail closed as NOT_FOUND).
    expect((await ok('query($id: ID!) { customer(id: $id) { eligibleOffers { id } } }', { id: me }, self)).customer.eligibleOffers.map((o: { id: string }) => o.id)).toContain(offerId);
  }, 600_000);
  afterAll(() => platform?.close());

  it("answers a key another customer holds exactly like a key nobody holds, and records the caller's own reaction", async () => {
    const taken = `probe-${randomUUID()}`;
    await ok('mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { id } }', { input: { eventId: taken, offerId, customerId: other, type: 'SHOWN', channel: 'WEB' } });
    const free = `probe-${randomUUID()}`;
    const send = (eventId: string) => ask(RESPOND, { input: { eventId, offerId, customerId: me, type: 'CLICKED', channel: 'WEB' } }, self);
    const onTaken = await send(taken);
    const onFree = await send(free);
    expect(shape(onFree)).toEqual({ errors: [], data: { id: 'ID', eventId: free, type: 'CLICKED', customer: { id: me } } });
    expect(shape(onTaken)).toEqual({ errors: [], data: { id: 'ID', eventId: taken, type: 'CLICKED', customer: { id: me } } });
    // A replay is idempotent on both keys, and the other customer's response is untouched.
    expect((await send(taken)).data?.recordMyOfferResponse.id).toBe(onTaken.data?.recordMyOfferResponse.id);
    expect((await send(free)).data?.recordMyOfferResponse.id).toBe(onFree.data?.recordMyOfferResponse.id);
    const theirs = await ok('query($id: ID!) { customer(id: $id) { offerResponses(first: 10) { edges { node { eventId type } } } } }', { id: other });
    expect(theirs.customer.offerResponses.edges.map((e: { node: unknown }) => e.node)).toEqual([{ eventId: taken, type: 'SHOWN' }]);
    // The customer's own history names its key as it sent it.
    const mine = await ok('query($id: ID!) { customer(id: $id) { offerResponses(first: 10) { edges { node { eventId } } } } }', { id: me }, self);
    expect(mine.customer.offerResponses.edges.map((e: { node: { eventId: string } }) => e.node.eventId).sort()).toEqual([free, taken].sort());
  });
});
