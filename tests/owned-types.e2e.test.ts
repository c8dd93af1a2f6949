import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, getNullableType, isLeafType, isListType, isNonNullType, isObjectType, parse } from 'graphql';
import { CALLER_HEADER, CallerKind, demoProducts, signCallerToken, type Caller } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { postGraphQL, type GraphQLResponse } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

// Owned types and the audience rule (issue 10, classes 1, 2, 3, 4 and 14), through the real gateway with real tokens.
const PARTNER = 'partner-nordic-travel';
const DEMO = { seed: 41, customers: 4 };
const MISSING = '00000000-0000-4000-8000-00000000abcd';
const ROW_SCOPES = 'customers:read customers.pii:read orders:read offers:read consent:read';
const gql = (source: string) => parse(source);
const codes = (r: GraphQLResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);
const body = (r: GraphQLResponse<unknown>) => JSON.stringify({ data: r.data ?? null, errors: r.errors ?? null });

describe(`owned types: one audience rule on every path, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let visible: string; // granted PARTNER_SHARING to the partner
  let hidden: string; // granted MARKETING only: the partner may not see this customer at all
  let hiddenOrder: string;
  let hiddenEvent: string;
  let hiddenRequest: string;
  let hiddenMerge: string;
  let offerId: string;
  let partner: Record<string, string>;
  let self: Record<string, string>;
  let bi: Record<string, string>;
  const callers = () => ({ partner, self, bi });
  const ask = (source: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal) => postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, gql(source), variables, headers); // eslint-disable-line @typescript-eslint/no-explicit-any
  const ok = async (source: string, variables: Record<string, unknown>) => {
    const r = await ask(source, variables);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };

  async function customer(givenName: string, externalId: string): Promise<string> {
    const input = { givenName, familyName: 'Owned', email: `${givenName.toLowerCase()}@example.com`, acquisitionChannel: 'WEB', externalIds: [{ system: 'crm', id: externalId }] };
    return (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input })).createCustomer.id;
  }
  const grant = (customerId: string, purposeCode: string, partnerId?: string) =>
    ok('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }', { input: { customerId, purposeCode, partnerId, channel: 'WEB' } }).then((d) => d.grantConsent.eventId as string);
  const order = async (customerId: string) => {
    const sku = demoProducts(DEMO).find((p) => p.stockLevel >= 50)!.sku;
    const input = { customerId, sourceSystem: 'webshop', externalId: `owned-${randomUUID()}`, channel: 'WEB', currency: 'EUR', lines: [{ sku, quantity: 1 }] };
    return (await ok('mutation($input: RecordOrderInput!) { recordOrder(input: $input) { id } }', { input })).recordOrder.id as string;
  };
  const respond = (customerId: string, type: string, extra: Record<string, unknown> = {}) =>
    ok('mutation($inputs: [RecordOfferResponseInput!]!) { recordOfferResponses(inputs: $inputs) { id } }', { inputs: [{ eventId: `owned-${randomUUID()}`, offerId, customerId, type, channel: 'EMAIL', ...extra }] });

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    visible = await customer('Vera', 'vera-ext');
    hidden = await customer('Hugo', 'hugo-ext');
    await grant(visible, 'PARTNER_SHARING', PARTNER);
    hiddenEvent = await grant(hidden, 'MARKETING');
    const visibleOrder = await order(visible);
    hiddenOrder = await order(hidden);
    const campaign = (await ok('mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', { input: { name: 'Owned types', startsAt: '2024-09-01T00:00:00Z', status: 'ACTIVE' } })).createCampaign.id;
    const offerInput = { campaignId: campaign, name: 'owned', headline: 'Owned', benefitType: 'PERCENT_DISCOUNT', benefitValue: 5, channel: 'EMAIL', personalisationType: 'COSMETIC', status: 'ACTIVE', validFrom: '2024-09-01T00:00:00Z', validUntil: '2099-01-01T00:00:00Z' };
    offerId = (await ok('mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }', { input: offerInput })).createOffer.id;
    // The visible customer's REDEEMED response lets occurredAt default; the SHOWN one states it.
    await respond(visible, 'REDEEMED', { orderId: visibleOrder });
    await respond(visible, 'SHOWN', { occurredAt: '2025-01-02T03:04:05.000Z' });
    await respond(hidden, 'REDEEMED', { orderId: hiddenOrder });
    await respond(hidden, 'SHOWN');
    const privacyStaff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { scope: 'customers:read privacy:admin' });
    const request = await ask('mutation($id: ID!) { requestDataAccess(customerId: $id) { id } }', { id: hidden }, privacyStaff);
    expect(request.errors).toBeUndefined();
    hiddenRequest = request.data!.requestDataAccess.id;
    // A merge of two profiles the partner may not see (neither granted it anything).
    const [survivorId, mergedId] = [await customer('Mona', 'mona-ext'), await customer('Mo', 'mo-ext')];
    const mergeStaff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { scope: 'customers:read customers:write customers:merge' });
    const merged = await ask('mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m) { id } }', { s: survivorId, m: mergedId }, mergeStaff);
    expect(merged.errors).toBeUndefined();
    hiddenMerge = merged.data!.mergeCustomers.id;
    partner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER, scope: ROW_SCOPES });
    self = await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: visible });
    // BI never sees customers (a BI token asking for row scopes is refused by the kind ceiling, see below).
    bi = await platform.tokens.headers(CallerKind.BI, { scope: 'analytics:read' });
  });
  afterAll(() => platform.close());

  describe('class 1: a hidden customer answers byte-for-byte like a missing one', () => {
    const lookups = () => [
      { root: 'customer', query: 'query($id: ID!) { customer(id: $id) { id } }', hidden: hidden, missing: MISSING },
      { root: 'customerByExternalId', query: 'query($id: String!) { customerByExternalId(system: "crm", id: $id) { id } }', hidden: 'hugo-ext', missing: 'nobody-ext' },
      { root: 'order', query: 'query($id: ID!) { order(id: $id) { id } }', hidden: hiddenOrder, missing: MISSING },
      { root: 'consentReceipt', query: 'query($id: ID!) { consentReceipt(eventId: $id) }', hidden: hiddenEvent, missing: MISSING },
      { root: 'verifyConsentLedger', query: 'query($id: ID!) { verifyConsentLedger(customerId: $id) { customerId eventsChecked valid headHash } }', hidden: hidden, missing: MISSING },
      { root: 'dataSubjectRequests', query: 'query($id: ID!) { dataSubjectRequests(customerId: $id) { id } }', hidden: hidden, missing: MISSING },
      { root: 'dataSubjectRequest', query: 'query($id: ID!) { dataSubjectRequest(id: $id) { id customerId } }', hidden: hiddenRequest, missing: MISSING },
      { root: 'duplicateCandidates', query: 'query($id: ID!) { duplicateCandidates(customerId: $id) { customer { id } } }', hidden: hidden, missing: MISSING },
      { root: 'customerMerge', query: 'query($id: ID!) { customerMerge(id: $id) { id survivorId mergedId state } }', hidden: hiddenMerge, missing: MISSING },
      { root: 'offerEligibility', query: 'query($id: ID!) { offerEligibility(customerId: $id) { offer { id } status reason } }', hidden: hidden, missing: MISSING },
    ];

    it('probes every root lookup of an owned type, and every root taking a customerId (a new one fails here until probed)', () => {
      const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'api.graphql'), 'utf8'));
      const owned = new Set((JSON.parse(readFileSync(join(__dirname, '..', '..', 'schema', 'data-map.json'), 'utf8')).ownedTypes as { type: string; owner: string }[]).filter((t) => t.owner === 'self').map((t) => t.type));
      const roots = Object.values(schema.getQueryType()!.getFields()).filter((f) => {
        const single = !isListType(getNullableType(f.type)) && f.args.some((a) => isNonNullType(a.type));
        return (single && owned.has(getNamedType(f.type).name)) || f.args.some((a) => a.name === 'customerId');
      });
      const probed = new Set(lookups().map((l) => l.root));
      expect(roots.map((f) => f.name).filter((name) => !probed.has(name))).toEqual([]);
    });

    it.each(['partner', 'self', 'bi'] as const)('for a %s caller, on every lookup root', async (kind) => {
      for (const lookup of lookups()) {
        const headers = callers()[kind];
        const [ofHidden, ofMissing] = [await ask(lookup.query, { id: lookup.hidden }, headers), await ask(lookup.query, { id: lookup.missing }, headers)];
        const normalised = (r: GraphQLResponse<unknown>, input: string) => body(r).split(input).join('<input>');
        expect({ root: lookup.root, answer: normalised(ofHidden, lookup.hidden) }).toEqual({ root: lookup.root, answer: normalised(ofMissing, lookup.missing) });
        expect({ root: lookup.root, leaksInternalId: lookup.hidden !== hidden && body(ofHidden).includes(hidden) }).toEqual({ root: lookup.root, leaksInternalId: false });
      }
    });

    it('still finds the customers the caller may see (the rule hides, it does not break lookups)', async () => {
      expect((await ask('query { customerByExternalId(system: "crm", id: "vera-ext") { id } }', {}, partner)).data!.customerByExternalId).toEqual({ id: visible });
      expect((await ask('query { customerByExternalId(system: "crm", id: "vera-ext") { id } }', {}, self)).data!.customerByExternalId).toEqual({ id: visible });
    });
  });

  describe('class 2: non-customer roots list only rows of customers the caller may see', () => {
    const RESPONSES = `query($id: ID!) { offer(id: $id) { responses(first: 10) { totalCount edges { node { eventId customer { id } } } } } }`;
    const ownersOf = (r: GraphQLResponse<Record<string, any>>) => r.data!.offer.responses.edges.map((e: { node: { customer: { id: string } } }) => e.node.customer.id); // eslint-disable-line @typescript-eslint/no-explicit-any

    it.each(['partner', 'self'] as const)('offer(id) { responses } for a %s: only the visible customer, and the count agrees', async (kind) => {
      const r = await ask(RESPONSES, { id: offerId }, callers()[kind]);
      expect(r.errors).toBeUndefined();
      expect(ownersOf(r)).toEqual([visible, visible]);
      expect(r.data!.offer.responses.totalCount).toBe(2);
      expect(body(r)).not.toContain(hidden);
    });

    it('BI reaches no response rows at all, staff reach every row', async () => {
      // The gateway refuses a BI token carrying row scopes outright (kind ceiling); the subgraphs' guard is the second wall.
      const forBi = await ask(RESPONSES, { id: offerId }, bi);
      expect(forBi.data?.offer?.responses ?? { totalCount: 0, edges: [] }).toEqual({ totalCount: 0, edges: [] });
      expect(body(forBi)).not.toContain(visible);
      const overScoped = await platform.tokens.headers(CallerKind.BI, { scope: `analytics:read ${ROW_SCOPES}` });
      expect((await ask(RESPONSES, { id: offerId }, overScoped)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const forStaff = await ask(RESPONSES, { id: offerId });
      expect(new Set(ownersOf(forStaff))).toEqual(new Set([visible, hidden]));
      expect(forStaff.data!.offer.responses.totalCount).toBe(4);
    });

    it('pages stay full: the audience is applied in SQL, not after loading a page', async () => {
      const r = await ask(`query($id: ID!) { offer(id: $id) { responses(first: 1) { totalCount pageInfo { hasNextPage } edges { node { customer { id } } } } } }`, { id: offerId }, partner);
      expect(r.data!.offer.responses).toEqual({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { customer: { id: visible } } }] });
    });

    it('consent fields of a Customer reached from another root check the audience (every subgraph screens entity references)', async () => {
      const partnerCaller: Caller = { clientId: 'test-partner', kind: CallerKind.PARTNER, scopes: ROW_SCOPES.split(' '), purpose: 'PARTNER_SHARING', partnerId: PARTNER };
      const selection: Record<string, string> = {
        customers: '... on Customer { id displayName }',
        transactions: '... on Customer { id orders { totalCount } }',
        offers: '... on Customer { id offerResponses { totalCount } }',
        consent: '... on Customer { id consents { status } consentHistory { totalCount edges { node { receipt } } } }',
      };
      for (const subgraph of platform.subgraphs) {
        const response = await fetch(subgraph.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CALLER_HEADER]: signCallerToken(platform.callerSigningKey, partnerCaller, subgraph.name) },
          body: JSON.stringify({ query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename ${selection[subgraph.name]} } }`, variables: { r: [{ __typename: 'Customer', id: hidden }, { __typename: 'Customer', id: visible }] } }),
        });
        const result = (await response.json()) as { data: { _entities: ({ id: string } | null)[] } };
        expect({ subgraph: subgraph.name, entities: result.data._entities.map((e) => e?.id ?? null) }).toEqual({ subgraph: subgraph.name, entities: [null, visible] });
        expect(JSON.stringify(result)).not.toContain(hidden);
      }
    });
  });

  describe('class 3: consent records need a scope and the audience', () => {
    it('consentReceipt and verifyConsentLedger refuse callers without consent:read (the default partner and BI tokens)', async () => {
      const plainPartner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER });
      const plainBi = await platform.tokens.headers(CallerKind.BI);
      for (const headers of [plainPartner, plainBi]) {
        expect(codes(await ask('query($id: ID!) { consentReceipt(eventId: $id) }', { id: hiddenEvent }, headers))).toEqual(['FORBIDDEN']);
        expect(codes(await ask('query($id: ID!) { verifyConsentLedger(customerId: $id) { valid } }', { id: visible }, headers))).toEqual(['FORBIDDEN']);
      }
    });

    it('a visible customer is verified and receipted as before; an unknown one answers like a hidden one (no eventsChecked/headHash oracle)', async () => {
      const verified = await ask('query($id: ID!) { verifyConsentLedger(customerId: $id) { eventsChecked valid headHash } }', { id: visible }, partner);
      expect(verified.data!.verifyConsentLedger).toMatchObject({ eventsChecked: 1, valid: true });
      const [ofHidden, ofUnknown] = [await ask('query($id: ID!) { verifyConsentLedger(customerId: $id) { eventsChecked headHash } }', { id: hidden }, partner), await ask('query($id: ID!) { verifyConsentLedger(customerId: $id) { eventsChecked headHash } }', { id: MISSING }, partner)];
      expect(codes(ofHidden)).toEqual(['NOT_FOUND']);
      expect(body(ofHidden).split(hidden).join('<id>')).toBe(body(ofUnknown).split(MISSING).join('<id>'));
      expect((await ask('query($id: ID!) { consentReceipt(eventId: $id) }', { id: hiddenEvent }, partner)).data).toEqual({ consentReceipt: null });
      expect((await ask('query($id: ID!) { consentReceipt(eventId: $id) }', { id: hiddenEvent })).data!.consentReceipt).toMatchObject({ piiPrincipalId: hidden });
    });
  });

  describe('class 4: no unmarked field mirrors a withheld one', () => {
    // Every field of OfferResponse, read from the published API schema: a field added later is covered too.
    const responseSelection = () => {
      const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'api.graphql'), 'utf8'));
      const type = schema.getType('OfferResponse');
      if (!isObjectType(type)) throw new Error('OfferResponse is not an object type');
      return Object.values(type.getFields()).map((f) => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`)).join(' ');
    };

    it('a partner denied BEHAVIOURAL data cannot tell a REDEEMED response from a SHOWN one, nor when either happened', async () => {
      const truth = await ask(`query($id: ID!) { customer(id: $id) { offerResponses(first: 10) { edges { node { ${responseSelection()} } } } } }`, { id: visible });
      const asStaff = truth.data!.customer.offerResponses.edges.map((e: { node: Record<string, unknown> }) => e.node);
      expect(asStaff.map((n: { type: string }) => n.type).sort()).toEqual(['REDEEMED', 'SHOWN']);
      // The partner reaches the same two responses through the offer (Customer.offerResponses itself is BEHAVIOURAL).
      const r = await ask(`query($id: ID!) { offer(id: $id) { responses(first: 10) { edges { node { ${responseSelection()} } } } } }`, { id: offerId }, partner);
      const nodes: Record<string, unknown>[] = r.data!.offer.responses.edges.map((e: { node: Record<string, unknown> }) => e.node);
      expect(nodes).toHaveLength(2);
      expect(nodes.map((n) => n.type)).toEqual([null, null]);
      // Identifiers aside, the two responses must look alike: any difference is derived from what was withheld.
      const alike = (n: Record<string, unknown>) => ({ ...n, id: '<id>', eventId: '<id>' });
      expect(alike(nodes[0])).toEqual(alike(nodes[1]));
      for (const withheld of asStaff) expect(body(r)).not.toContain(withheld.occurredAt as string);
      const withheldFields = new Set(r.errors!.filter((e) => e.extensions?.code === 'CONSENT_REQUIRED').map((e) => String(e.path!.at(-1))));
      expect([...withheldFields].sort()).toEqual(expect.arrayContaining(['occurredAt', 'order', 'recordedAt', 'type']));
    });

    it('a page cursor carries no withheld sort key (decoding it reveals nothing), and a forged or edited cursor is refused', async () => {
      const truth = await ask('query($id: ID!) { customer(id: $id) { offerResponses(first: 10) { edges { node { occurredAt } } } } }', { id: visible });
      const withheld: string[] = truth.data!.customer.offerResponses.edges.map((e: { node: { occurredAt: string } }) => e.node.occurredAt);
      const page = (after: string | null) => ask('query($id: ID!, $after: String) { offer(id: $id) { responses(first: 1, after: $after) { edges { cursor node { id } } pageInfo { endCursor hasNextPage } } } }', { id: offerId, after }, partner);
      const first = await page(null);
      const cursor: string = first.data!.offer.responses.pageInfo.endCursor;
      const second = await page(cursor);
      expect(second.data!.offer.responses.edges.map((e: { node: { id: string } }) => e.node.id)).not.toEqual(first.data!.offer.responses.edges.map((e: { node: { id: string } }) => e.node.id));
      const decoded = [cursor, second.data!.offer.responses.pageInfo.endCursor].map((c: string) => Buffer.from(c, 'base64url').toString('latin1'));
      for (const text of decoded) for (const at of withheld) expect(text).not.toContain(at.slice(0, 10)); // not even the day
      // A cursor a client builds from a guessed sort key (the old plain encoding) is a bad argument, not a probe.
      const forged = Buffer.from(JSON.stringify([withheld[0], '00000000-0000-4000-8000-000000000000'])).toString('base64url');
      expect((await page(forged)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const edited = cursor.slice(0, -2) + (cursor.endsWith('AA') ? 'AB' : 'AA');
      expect((await page(edited)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // Nor is it a cursor of any other list: replayed on a list sorted by visible times it would bracket the withheld one.
      const elsewhere = await ask('query($after: String) { campaigns(first: 1, after: $after) { edges { node { id } } } }', { after: cursor }, platform.internal);
      expect(elsewhere.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const ofCustomer = await ask('query($id: ID!, $after: String) { customer(id: $id) { offerResponses(first: 1, after: $after) { edges { node { id } } } } }', { id: visible, after: cursor }, platform.internal);
      expect(ofCustomer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});

describe(`class 14: the audience fails closed, visibly, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let offerId: string;
  let partner: Record<string, string>;

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 42, customers: 4 } });
    const offers = await postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, parse('{ offers(first: 1) { edges { node { id } } } }'), {}, platform.internal); // eslint-disable-line @typescript-eslint/no-explicit-any
    offerId = offers.data!.offers.edges[0].node.id;
    partner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER, scope: ROW_SCOPES });
    await platform.subgraphs.find((s) => s.name === 'consent')!.stop();
  });
  afterAll(() => platform.close());

  it.each([
    ['customers', '{ customers(first: 5) { totalCount edges { node { id } } } }'],
    ['offer responses', 'query($offer: ID!) { offer(id: $offer) { responses { totalCount edges { node { id } } } } }'],
    ['customer lookup', 'query($missing: ID!) { customer(id: $missing) { id } }'],
  ])('%s: a partner gets DECISION_UNAVAILABLE, never a silently empty answer', async (_name, query) => {
    const variables = query.includes('$offer') ? { offer: offerId } : query.includes('$missing') ? { missing: MISSING } : {};
    const r = await postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, parse(query), variables, partner); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(codes(r)).toContain('DECISION_UNAVAILABLE');
    expect(body(r)).not.toMatch(/"totalCount":0|"edges":\[\]/);
  });
});
