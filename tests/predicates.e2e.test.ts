import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { CallerKind, demoProducts } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { postGraphQL, type GraphQLResponse } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { refreshValuesAndWait } from './support/value-refresh';

// Issue 10, classes 6, 7 and 10: predicates are reads, and derived values carry the categories of their inputs.

const DEMO = { seed: 31, customers: 6 };
const CATALOGUE = demoProducts(DEMO);
const garden = CATALOGUE.filter((p) => p.category === 'Garden' && p.stockLevel >= 100);
const LIVE = { validFrom: '2024-09-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' };
// A fixed birth date makes the age exact (a segment condition compares the age in whole years).
const BIRTH = '1980-01-02';
const AGE = String(new Date().getUTCFullYear() - 1980 - (new Date().toISOString().slice(5, 10) < '01-02' ? 1 : 0));

const CUSTOMERS = parse(`query Search($filter: CustomerFilter) { customers(first: 50, filter: $filter) { totalCount edges { node { id } } } }`);
const CREATE_CUSTOMER = parse(`mutation Create($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`);
const GRANT = parse(`mutation Grant($input: GrantConsentInput!) { grantConsent(input: $input) { status } }`);
const DENY = parse(`mutation Deny($input: RecordConsentDenialInput!) { recordConsentDenial(input: $input) { status } }`);
const CREATE_SEGMENT = parse(`mutation Segment($input: CreateSegmentInput!) { createSegment(input: $input) { id memberCount members(first: 100) { edges { node { id } } } } }`);
const SEGMENT_PURPOSE = parse(`mutation Segment($input: CreateSegmentInput!) { createSegment(input: $input) { id purpose } }`);
const REFRESH_SEGMENT = parse(`mutation Refresh($id: ID!) { refreshSegment(id: $id) { memberCount } }`);
const SEGMENT_MEMBERS = parse(`query Members($id: ID!) { segment(id: $id) { purpose members(first: 100) { edges { node { id } } } } }`);
const SEGMENT_READ = parse(`query Read($id: ID!) { segment(id: $id) { memberCount members(first: 100) { edges { node { id } } } } }`);
const SEGMENT_NAMES = parse(`{ segments(first: 100) { edges { node { name } } } }`);
const RECORD_ORDER = parse(`mutation Order($input: RecordOrderInput!) { recordOrder(input: $input) { id } }`);
const CREATE_CAMPAIGN = parse(`mutation Campaign($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`);
const CREATE_OFFER = parse(`mutation Offer($input: CreateOfferInput!) { createOffer(input: $input) { id } }`);
const NEXT_BEST = parse(`query Next($id: ID!) { customer(id: $id) { id eligibleOffers { id name } nextBestOffers(first: 20) { rank score offer { name } reasons { code text contribution } content { basis } } } }`);

type Headers = Record<string, string>;
type SearchData = { customers: { totalCount: number; edges: { node: { id: string } }[] } | null };
const codes = (r: GraphQLResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);

describe(`predicates and derived values are reads (issue 10, classes 6, 7, 10) on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let hidden: string; // refused MARKETING; the value an attacker wants: its e-mail, country, region and age
  let open: string; // granted MARKETING, PERSONALISATION and PROFILING; same birth date and region as `hidden`
  const tag = randomUUID().slice(0, 6).replace(/[^a-z]/g, 'q');
  const hiddenEmail = `qx${tag}hidden@example.com`;
  const openEmail = `qy${tag}open@example.com`;
  let marketing: Headers;
  const ask = <T>(doc: ReturnType<typeof parse>, variables: Record<string, unknown>, headers: Headers) => postGraphQL<T, Record<string, unknown>>(platform.gatewayUrl, doc, variables, headers);

  async function createCustomer(givenName: string, email: string): Promise<string> {
    const r = await ask<{ createCustomer: { id: string } }>(
      CREATE_CUSTOMER,
      { input: { givenName, familyName: 'Walker', email, birthDate: BIRTH, acquisitionChannel: 'WEB', address: { city: 'Isafjordur', region: `Westfjords-${tag}`, countryCode: 'IS' } } },
      platform.internal,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.createCustomer.id;
  }
  const consent = async (doc: ReturnType<typeof parse>, customerId: string, purposeCode: string) => expect((await ask(doc, { input: { customerId, purposeCode, channel: 'WEB' } }, platform.internal)).errors).toBeUndefined();

  /**
   * The attack of the issue: extend a known prefix one character at a time while the count says
   * "someone matches". Returns what it recovered beyond the prefix.
   */
  async function prefixWalk(prefix: string, headers: Headers, steps: number): Promise<string> {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789@.';
    let known = prefix;
    for (let step = 0; step < steps; step++) {
      let next: string | null = null;
      for (const c of alphabet) {
        const r = await ask<SearchData>(CUSTOMERS, { filter: { search: known + c } }, headers);
        if ((r.data?.customers?.totalCount ?? 0) > 0) {
          next = c;
          break;
        }
      }
      if (next === null) break;
      known += next;
    }
    return known.slice(prefix.length);
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    hidden = await createCustomer('Hilda', hiddenEmail);
    open = await createCustomer('Olaf', openEmail);
    await consent(DENY, hidden, 'MARKETING');
    for (const purpose of ['MARKETING', 'PERSONALISATION', 'PROFILING']) await consent(GRANT, open, purpose);
    marketing = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'marketing-app', purpose: 'MARKETING' });
  });
  afterAll(() => platform.close());

  describe('class 6: filters as oracles', () => {
    it('the prefix walk works for a caller allowed to read e-mails (the attack is real)', async () => {
      expect(await prefixWalk(hiddenEmail.slice(0, 3), platform.internal, 4)).toBe(hiddenEmail.slice(3, 7));
    });

    it('a caller without customers.pii:read cannot filter on personal fields at all: FORBIDDEN, not an empty result', async () => {
      const noPii = await platform.tokens.headers(CallerKind.INTERNAL_APP, { scope: 'customers:read' });
      for (const filter of [{ search: hiddenEmail.slice(0, 3) }, { countryCode: 'IS' }]) {
        const r = await ask<SearchData>(CUSTOMERS, { filter }, noPii);
        expect(codes(r)).toEqual(['FORBIDDEN']);
        expect(r.data?.customers ?? null).toBeNull();
      }
      // Filters over non-personal fields stay open to it.
      expect(codes(await ask(CUSTOMERS, { filter: { acquisitionChannel: 'WEB' } }, noPii))).toEqual([]);
    });

    it('the ERP token recovers nothing: FORBIDDEN on search', async () => {
      const erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION);
      const r = await ask<SearchData>(CUSTOMERS, { filter: { search: hiddenEmail } }, erp);
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(r)).not.toContain(hidden);
    });

    it('a MARKETING caller recovers nothing about a customer who refused MARKETING; totalCount moves by nothing', async () => {
      expect(await prefixWalk(hiddenEmail.slice(0, 3), marketing, 3)).toBe('');
      const full = await ask<SearchData>(CUSTOMERS, { filter: { search: hiddenEmail } }, marketing);
      const none = await ask<SearchData>(CUSTOMERS, { filter: { search: `zz${tag}nobody@example.com` } }, marketing);
      expect(full.errors).toBeUndefined();
      expect(full.data!.customers).toEqual(none.data!.customers);
      // The one who granted MARKETING is found: the filter still works inside what may be read.
      const found = await ask<SearchData>(CUSTOMERS, { filter: { search: openEmail } }, marketing);
      expect(found.data!.customers!.edges.map((e) => e.node.id)).toEqual([open]);
    });

    it('LOCATION is never a filter for a purpose that does not cover it: MARKETING and partners get FORBIDDEN on countryCode', async () => {
      const partner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-nordic-travel' });
      for (const headers of [marketing, partner]) {
        const r = await ask<SearchData>(CUSTOMERS, { filter: { countryCode: 'IS' } }, headers);
        expect(codes(r)).toEqual(['FORBIDDEN']);
        expect(r.errors![0].extensions).toMatchObject({ category: 'LOCATION', reason: 'CATEGORY_NOT_COVERED' });
      }
    });

    it('a partner walking the prefix of a customer who never shared with it recovers nothing', async () => {
      const partner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-nordic-travel' });
      expect(await prefixWalk(hiddenEmail.slice(0, 3), partner, 2)).toBe('');
    });
  });

  describe('class 7: segment rules as oracles', () => {
    const segment = (headers: Headers, name: string, condition: Record<string, unknown>) =>
      ask<{ createSegment: { id: string; memberCount: number; members: { edges: { node: { id: string } }[] } } }>(CREATE_SEGMENT, { input: { name: `${name} ${tag}`, rule: { condition } } }, headers);
    const members = (r: { data?: { createSegment: { members: { edges: { node: { id: string } }[] } } } | null }) => r.data!.createSegment.members.edges.map((e) => e.node.id);

    it('a segment declares the purpose it was made for', async () => {
      const r = await ask<{ createSegment: { purpose: string } }>(SEGMENT_PURPOSE, { input: { name: `declared ${tag}`, rule: { condition: { field: 'ACQUISITION_CHANNEL', operator: 'EQ', values: ['WEB'] } } } }, marketing);
      expect(r.errors).toBeUndefined();
      expect(r.data!.createSegment.purpose).toBe('MARKETING');
    });

    it('an AGE condition of a MARKETING segment never matches a customer who refused MARKETING, whatever the age', async () => {
      const exact = await segment(marketing, 'exact age', { field: 'AGE', operator: 'EQ', values: [AGE] });
      const other = await segment(marketing, 'other age', { field: 'AGE', operator: 'EQ', values: [String(Number(AGE) + 7)] });
      expect(exact.errors).toBeUndefined();
      expect(members(exact)).toContain(open); // granted MARKETING: the rule still works
      expect(members(exact)).not.toContain(hidden);
      expect(members(other)).not.toContain(hidden);
    });

    it('the same rule under a contract purpose (SERVICE) still matches by age: the decision, not the rule, changed', async () => {
      const service = await segment(platform.internal, 'service age', { field: 'AGE', operator: 'EQ', values: [AGE] });
      expect(service.errors).toBeUndefined();
      expect(members(service)).toEqual(expect.arrayContaining([open, hidden]));
    });

    it('a MARKETING caller cannot create a REGION or COUNTRY segment at all (MARKETING never covers LOCATION), and nothing is written', async () => {
      for (const field of ['REGION', 'COUNTRY']) {
        const r = await segment(marketing, `where ${field}`, { field, operator: 'EQ', values: [field === 'REGION' ? `Westfjords-${tag}` : 'IS'] });
        expect(codes(r)).toEqual(['FORBIDDEN']);
        expect(r.errors![0].extensions).toMatchObject({ reason: 'CATEGORY_NOT_COVERED', category: 'LOCATION', purpose: 'MARKETING' });
        expect(JSON.stringify(r)).not.toContain(hidden);
      }
    });

    it('a MARKETING segment stays a MARKETING segment whoever re-evaluates it: a SERVICE refresh does not bring the refusing customer in', async () => {
      const exact = await segment(marketing, 'refreshed age', { field: 'AGE', operator: 'EQ', values: [AGE] });
      const refreshed = await ask<{ refreshSegment: { memberCount: number } }>(REFRESH_SEGMENT, { id: exact.data!.createSegment.id }, platform.internal);
      expect(refreshed.errors).toBeUndefined();
      const read = await ask<{ segment: { purpose: string; members: { edges: { node: { id: string } }[] } } }>(SEGMENT_MEMBERS, { id: exact.data!.createSegment.id }, platform.internal);
      expect(read.data!.segment.purpose).toBe('MARKETING');
      const ids = read.data!.segment.members.edges.map((e) => e.node.id);
      expect(ids).toContain(open);
      expect(ids).not.toContain(hidden);
    });

    it('under NOT, a refusing customer is in whatever its age, so the complement tells nothing either', async () => {
      const notExact = await ask<{ createSegment: { id: string; members: { edges: { node: { id: string } }[] } } }>(CREATE_SEGMENT, { input: { name: `not exact ${tag}`, rule: { not: { condition: { field: 'AGE', operator: 'EQ', values: [AGE] } } } } }, marketing);
      const notOther = await ask<{ createSegment: { id: string; members: { edges: { node: { id: string } }[] } } }>(CREATE_SEGMENT, { input: { name: `not other ${tag}`, rule: { not: { condition: { field: 'AGE', operator: 'EQ', values: [String(Number(AGE) + 7)] } } } } }, marketing);
      // Read by a SERVICE caller (everything released to it) to see the whole membership.
      const readAll = async (r: typeof notExact) => (await ask<{ segment: { members: { edges: { node: { id: string } }[] } } }>(SEGMENT_MEMBERS, { id: r.data!.createSegment.id }, platform.internal)).data!.segment.members.edges.map((e) => e.node.id);
      expect(await readAll(notExact)).toContain(hidden);
      expect(await readAll(notOther)).toContain(hidden);
      expect(await readAll(notExact)).not.toContain(open); // the consenting customer's age is used
      // The MARKETING reader itself never sees the refusing customer in either.
      expect(members(notExact)).not.toContain(hidden);
    });

    it('a refused segment write leaves nothing behind', async () => {
      await segment(marketing, 'left behind', { field: 'REGION', operator: 'EQ', values: [`Westfjords-${tag}`] });
      const list = await ask<{ segments: { edges: { node: { name: string } }[] } }>(SEGMENT_NAMES, {}, platform.internal);
      expect(list.data!.segments.edges.map((e) => e.node.name)).not.toContain(`left behind ${tag}`);
    });

    it("reading another purpose's segment is reading its conditions: a MARKETING reader sees only members released to it, and counts only them", async () => {
      const service = await segment(platform.internal, 'read by marketing', { field: 'AGE', operator: 'EQ', values: [AGE] });
      expect(members(service)).toEqual(expect.arrayContaining([open, hidden]));
      const read = await ask<{ segment: { memberCount: number; members: { edges: { node: { id: string } }[] } } }>(SEGMENT_READ, { id: service.data!.createSegment.id }, marketing);
      expect(read.errors).toBeUndefined();
      const ids = read.data!.segment.members.edges.map((e) => e.node.id);
      expect(ids).toContain(open);
      expect(ids).not.toContain(hidden);
      expect(read.data!.segment.memberCount).toBe(ids.length);
    });

    it('a MARKETING reader cannot read the members of a LOCATION segment at all', async () => {
      const service = await segment(platform.internal, 'regional', { field: 'REGION', operator: 'EQ', values: [`Westfjords-${tag}`] });
      expect(members(service)).toEqual(expect.arrayContaining([open, hidden]));
      const read = await ask(SEGMENT_READ, { id: service.data!.createSegment.id }, marketing);
      expect(new Set(codes(read))).toEqual(new Set(['FORBIDDEN']));
      expect(JSON.stringify(read)).not.toContain(hidden);
    });

    it('a value condition needs FINANCIAL, which MARKETING never covers', async () => {
      const r = await segment(marketing, 'big spenders', { field: 'MONETARY', operator: 'GT', values: ['0'] });
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors![0].extensions).toMatchObject({ reason: 'CATEGORY_NOT_COVERED', category: 'FINANCIAL' });
    });
  });

  describe('class 10: derived values carry the categories of their inputs', () => {
    beforeAll(async () => {
      const [bought] = garden;
      for (const customerId of [open, hidden]) {
        const r = await ask(RECORD_ORDER, { input: { customerId, sourceSystem: 'webshop', externalId: `pred-${randomUUID()}`, channel: 'WEB', currency: 'EUR', lines: [{ sku: bought.sku, quantity: 3 }] } }, platform.internal);
        expect(r.errors).toBeUndefined();
      }
      const admin = await platform.tokens.headers(CallerKind.INTERNAL_APP, { scope: 'orders:write privacy:admin' });
      await refreshValuesAndWait(platform.gatewayUrl, admin);
      const campaign = await ask<{ createCampaign: { id: string } }>(CREATE_CAMPAIGN, { input: { name: `Derived ${tag}`, startsAt: '2024-09-01T00:00:00Z', status: 'ACTIVE' } }, platform.internal);
      const base = { campaignId: campaign.data!.createCampaign.id, headline: 'Garden days', benefitType: 'PERCENT_DISCOUNT', benefitValue: 10, channel: 'EMAIL', status: 'ACTIVE', priority: 100, consentPurpose: 'MARKETING', ...LIVE };
      for (const offer of [
        { name: `derived-garden-${tag}`, personalisationType: 'TRANSPARENT', consentPurpose: 'PERSONALISATION', skus: [bought.sku] },
        { name: `derived-lifecycle-${tag}`, personalisationType: 'COSMETIC', targeting: { lifecycleStages: ['NEW', 'ACTIVE', 'AT_RISK', 'LAPSED'] } },
        { name: `derived-value-${tag}`, personalisationType: 'COSMETIC', targeting: { minMonetary: 1 } },
      ]) {
        const r = await ask(CREATE_OFFER, { input: { ...base, ...offer } }, platform.internal);
        expect(r.errors).toBeUndefined();
      }
    });

    const FINANCIAL_OR_LIFECYCLE = [/Monetary score/i, /value thresholds/i, /Lifecycle stage/i, /\b(NEW|ACTIVE|AT_RISK|LAPSED)\b(?!")/];

    it('a caller allowed everything (SERVICE) sees the FINANCIAL reasons: the check below can fail', async () => {
      const r = await ask<{ customer: { nextBestOffers: { offer: { name: string }; reasons: { code: string; text: string }[] }[] } }>(NEXT_BEST, { id: open }, platform.internal);
      expect(r.errors).toBeUndefined();
      const codesSeen = r.data!.customer.nextBestOffers.flatMap((p) => p.reasons.map((x) => x.code));
      expect(codesSeen).toEqual(expect.arrayContaining(['HIGH_VALUE', 'LIFECYCLE_MATCH', 'VALUE_MATCH', 'CATEGORY_AFFINITY']));
    });

    it('a MARKETING caller (BEHAVIOURAL by consent, never FINANCIAL) sees no monetary score, no value match and no lifecycle stage anywhere', async () => {
      const r = await ask<{ customer: { eligibleOffers: { name: string }[]; nextBestOffers: { offer: { name: string }; score: number; reasons: { code: string; text: string }[] }[] } }>(NEXT_BEST, { id: open }, marketing);
      expect(r.errors).toBeUndefined();
      const picks = r.data!.customer.nextBestOffers;
      expect(picks.map((p) => p.offer.name)).toContain(`derived-garden-${tag}`); // BEHAVIOURAL affinity is still released
      const reasons = picks.flatMap((p) => p.reasons);
      expect(reasons.map((x) => x.code)).not.toEqual(expect.arrayContaining(['HIGH_VALUE']));
      expect(reasons.map((x) => x.code).filter((c) => ['HIGH_VALUE', 'VALUE_MATCH', 'LIFECYCLE_MATCH'].includes(c))).toEqual([]);
      const text = reasons.map((x) => x.text).join('\n');
      for (const pattern of FINANCIAL_OR_LIFECYCLE) expect(text).not.toMatch(pattern);
      // Eligibility is derived too: offers targeted by lifecycle or value would reveal them by their presence.
      const names = [...picks.map((p) => p.offer.name), ...r.data!.customer.eligibleOffers.map((o) => o.name)];
      expect(names).not.toContain(`derived-lifecycle-${tag}`);
      expect(names).not.toContain(`derived-value-${tag}`);
    });

    it('a caller denied FINANCIAL and BEHAVIOURAL sees no monetary score, no share of purchases and no lifecycle stage anywhere in the response', async () => {
      const r = await ask(NEXT_BEST, { id: hidden }, marketing);
      const body = JSON.stringify(r);
      expect(body).not.toMatch(/Monetary score|of your purchases|Lifecycle stage|value thresholds/);
      expect((r.data as { customer: { nextBestOffers: unknown } }).customer.nextBestOffers ?? null).toBeNull();
    });
  });
});
