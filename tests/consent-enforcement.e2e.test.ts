import { CALLER_HEADER, CallerKind, demoProducts, signCallerToken } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import {
  CreateCustomerDocument,
  CustomerContactDocument,
  CustomerDisclosuresDocument,
  CustomerValueScoresDocument,
  GrantConsentDocument,
  OrderWithCustomerDocument,
  PartnerCustomerListDocument,
  PartnerViewDocument,
  RecordOrderDocument,
  RegisterPartnerDocument,
  SetPartnerActiveDocument,
  TwoCustomersByAliasDocument,
  WithdrawConsentDocument,
} from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

const PARTNER_A = 'partner-nordic-travel';
const PARTNER_B = 'partner-city-bank';
const DEMO = { seed: 5, customers: 8 };
const codes = (errors?: { extensions?: Record<string, unknown> }[]) => (errors ?? []).map((e) => e.extensions?.code);

describe(`field-level consent enforcement through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let consenting: string; // shares with partner A, consents to marketing
  let silent: string; // consented to nothing
  let partnerA: Record<string, string>;
  let partnerB: Record<string, string>;
  const ask = <T, V>(doc: Parameters<typeof postGraphQL<T, V>>[1], variables: V, headers: Record<string, string>) => postGraphQL(platform.gatewayUrl, doc, variables, headers);

  async function createCustomer(givenName: string): Promise<string> {
    const r = await ask(CreateCustomerDocument, { input: { givenName, familyName: 'Tester', email: `${givenName.toLowerCase()}@example.com`, phone: '+4512345678', acquisitionChannel: 'WEB', address: { city: 'Aarhus', countryCode: 'DK' } } }, platform.internal);
    expect(r.errors).toBeUndefined();
    return r.data!.createCustomer.id;
  }

  const grant = (customerId: string, purposeCode: string, partnerId?: string) =>
    ask(GrantConsentDocument, { input: { customerId, purposeCode, partnerId, channel: 'WEB' } }, platform.internal).then((r) => expect(r.errors).toBeUndefined());

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    consenting = await createCustomer('Cora');
    silent = await createCustomer('Sid');
    await grant(consenting, 'PARTNER_SHARING', PARTNER_A);
    await grant(consenting, 'MARKETING');
    partnerA = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER_A, scope: 'customers:read customers.pii:read orders:read' });
    partnerB = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER_B });
  });
  afterAll(() => platform.close());

  describe('a partner', () => {
    it('lists only customers who consented to sharing with it, and counts only them', async () => {
      const list = await ask(PartnerCustomerListDocument, {}, partnerA);
      const ids = list.data!.customers!.edges.map((e) => e.node.id);
      expect(ids).toContain(consenting);
      expect(ids).not.toContain(silent);
      expect(list.data!.customers!.totalCount).toBe(ids.length);
    });

    it('gets NOT_FOUND for a non-consenting customer, exactly as for one that does not exist', async () => {
      const hidden = await ask(CustomerContactDocument, { id: silent }, partnerA);
      const missing = await ask(CustomerContactDocument, { id: '00000000-0000-4000-8000-000000000000' }, partnerA);
      expect(hidden.data?.customer ?? null).toBeNull();
      expect(codes(hidden.errors)).toEqual(['NOT_FOUND']);
      expect(codes(missing.errors)).toEqual(['NOT_FOUND']);
      expect(hidden.errors![0].message.replace(silent, 'ID')).toBe(missing.errors![0].message.replace('00000000-0000-4000-8000-000000000000', 'ID'));
    });

    it('receives the categories its sharing consent covers, and not the others, through fragments', async () => {
      const view = await ask(PartnerViewDocument, { id: consenting }, partnerA);
      expect(view.data!.customer).toMatchObject({ id: consenting, displayName: 'Cora Tester', email: 'cora@example.com', phone: '+4512345678', address: null });
      const withheld = view.errors!.filter((e) => e.extensions?.code === 'CONSENT_REQUIRED');
      expect(withheld.map((e) => [e.path?.join('.'), e.extensions?.category, e.extensions?.purpose])).toEqual([['customer.address', 'LOCATION', 'PARTNER_SHARING']]);
    });

    it('cannot reach a hidden customer through an alias next to a visible one', async () => {
      const r = await ask(TwoCustomersByAliasDocument, { visible: consenting, hidden: silent }, partnerA);
      expect(r.data?.seen?.email).toBe('cora@example.com');
      expect(r.data?.unseen ?? null).toBeNull();
      expect(r.errors!.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['unseen', 'NOT_FOUND']]);
    });

    it('cannot reach a hidden customer through orders -> customer', async () => {
      const product = demoProducts(DEMO).find((p) => p.stockLevel > 10)!;
      const recorded = await ask(RecordOrderDocument, { input: { customerId: silent, sourceSystem: 'webshop', externalId: `e2e-${silent}`, channel: 'WEB', currency: product.currency, lines: [{ sku: product.sku, quantity: 1 }] } }, platform.internal);
      expect(recorded.errors).toBeUndefined();
      const r = await ask(OrderWithCustomerDocument, { id: recorded.data!.recordOrder.id }, partnerA);
      expect(r.data?.order ?? null).toBeNull();
      expect(codes(r.errors)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(r)).not.toContain('sid@example.com');
    });

    it('cannot reach a hidden customer through _entities, even straight at the subgraph with a valid signature', async () => {
      const customers = platform.subgraphs.find((s) => s.name === 'customers')!;
      const header = signCallerToken(platform.callerSigningKey, { clientId: 'partner-app', kind: CallerKind.PARTNER, scopes: ['customers:read', 'customers.pii:read'], purpose: 'PARTNER_SHARING', partnerId: PARTNER_A }, 'customers');
      const response = await fetch(customers.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLER_HEADER]: header },
        body: JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id email } } }', variables: { r: [{ __typename: 'Customer', id: silent }, { __typename: 'Customer', id: consenting }] } }),
      });
      const body = (await response.json()) as { data: { _entities: ({ id: string; email: string } | null)[] } };
      expect(body.data._entities).toEqual([null, { id: consenting, email: 'cora@example.com' }]);
    });

    it('once registered and granted, reaches the customer; once deactivated, nothing from the very next request', async () => {
      const admin = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'partner-desk', scope: 'privacy:admin' });
      const registered = await ask(RegisterPartnerDocument, { input: { id: 'partner-fresh-fruit', name: 'Fresh Fruit Co' } }, admin);
      expect(registered.data!.registerPartner).toEqual({ id: 'partner-fresh-fruit', name: 'Fresh Fruit Co', active: true });
      await grant(consenting, 'PARTNER_SHARING', 'partner-fresh-fruit');
      const fresh = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-fresh-fruit', scope: 'customers:read customers.pii:read' });
      expect((await ask(CustomerContactDocument, { id: consenting }, fresh)).data!.customer!.email).toBe('cora@example.com');

      expect((await ask(SetPartnerActiveDocument, { id: 'partner-fresh-fruit', active: false }, admin)).data!.setPartnerActive.active).toBe(false);
      const cutOff = await ask(CustomerContactDocument, { id: consenting }, fresh);
      expect(cutOff.data?.customer ?? null).toBeNull();
      expect(codes(cutOff.errors)).toEqual(['NOT_FOUND']);
      const list = await ask(PartnerCustomerListDocument, {}, fresh);
      expect(list.data!.customers).toEqual({ totalCount: 0, edges: [] });
      const regrant = await ask(GrantConsentDocument, { input: { customerId: silent, purposeCode: 'PARTNER_SHARING', partnerId: 'partner-fresh-fruit', channel: 'WEB' } }, platform.internal);
      expect(codes(regrant.errors)).toEqual(['BAD_USER_INPUT']);

      await ask(SetPartnerActiveDocument, { id: 'partner-fresh-fruit', active: true }, admin);
      expect((await ask(CustomerContactDocument, { id: consenting }, fresh)).data!.customer!.email).toBe('cora@example.com');
    });

    it('B never sees what only A may see', async () => {
      const r = await ask(CustomerContactDocument, { id: consenting }, partnerB);
      expect(r.data?.customer ?? null).toBeNull();
      expect(codes(r.errors)).toEqual(['NOT_FOUND']);
      const list = await ask(PartnerCustomerListDocument, {}, partnerB);
      expect(list.data!.customers!.edges.map((e) => e.node.id)).not.toContain(consenting);
    });
  });

  describe('the disclosure ledger', () => {
    it('records what a partner received, and the customer reads it with a self-service token', async () => {
      await ask(CustomerContactDocument, { id: consenting }, partnerA);
      const self = await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: consenting });
      const ledger = await ask(CustomerDisclosuresDocument, { id: consenting }, self);
      expect(ledger.errors).toBeUndefined();
      const entries = ledger.data!.customer!.disclosures.edges.map((e) => e.node);
      expect(entries.length).toBeGreaterThan(0);
      expect(entries[0]).toMatchObject({ partner: { id: PARTNER_A }, clientId: 'test-partner', purposeCode: 'PARTNER_SHARING', subgraph: 'customers' });
      expect(entries.flatMap((e) => e.categories)).toEqual(expect.arrayContaining(['CONTACT', 'IDENTITY']));
    });

    it('is readable by privacy staff, and not by other internal apps', async () => {
      const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { scope: 'customers:read privacy:admin' });
      expect((await ask(CustomerDisclosuresDocument, { id: consenting }, staff)).errors).toBeUndefined();
      const other = await ask(CustomerDisclosuresDocument, { id: consenting }, platform.internal);
      expect(codes(other.errors)).toContain('FORBIDDEN');
    });
  });

  describe('an internal app', () => {
    it('sees a marketing-consented email, and not after withdrawal, on the very next request', async () => {
      const marketing = await platform.tokens.headers(CallerKind.INTERNAL_APP, { purpose: 'MARKETING' });
      const before = await ask(CustomerContactDocument, { id: consenting }, marketing);
      expect(before.data!.customer!.email).toBe('cora@example.com');
      const withdrawn = await ask(WithdrawConsentDocument, { input: { customerId: consenting, purposeCode: 'MARKETING', channel: 'WEB' } }, platform.internal);
      expect(withdrawn.errors).toBeUndefined();
      const after = await ask(CustomerContactDocument, { id: consenting }, marketing);
      expect(after.data!.customer).toEqual({ id: consenting, displayName: null, email: null });
      expect(after.errors!.map((e) => [e.extensions?.code, e.extensions?.reason, e.extensions?.purpose])).toContainEqual(['CONSENT_REQUIRED', 'CONSENT_WITHDRAWN', 'MARKETING']);
    });

    it('without the personal-data scope gets FORBIDDEN on personal fields only', async () => {
      const noPii = await platform.tokens.headers(CallerKind.INTERNAL_APP, { scope: 'customers:read' });
      const r = await ask(CustomerContactDocument, { id: silent }, noPii);
      expect(r.data!.customer).toEqual({ id: silent, displayName: null, email: null });
      expect(codes(r.errors)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });

    it('gets no value scores for a customer who did not consent to profiling', async () => {
      const r = await ask(CustomerValueScoresDocument, { id: silent }, platform.internal);
      expect(r.data!.customer!.value).toMatchObject({ scoringWithheld: true });
    });
  });

  describe('a customer (self-service)', () => {
    it('reaches only their own record', async () => {
      const self = await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: silent });
      expect((await ask(CustomerContactDocument, { id: silent }, self)).data!.customer!.email).toBe('sid@example.com');
      expect(codes((await ask(CustomerContactDocument, { id: consenting }, self)).errors)).toEqual(['NOT_FOUND']);
      const list = await ask(PartnerCustomerListDocument, {}, self);
      expect(list.data!.customers!.edges.map((e) => e.node.id)).toEqual([silent]);
    });
  });
});

describe(`consent decisions unavailable on ${storageLabel()}`, () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 6, customers: 3 } });
  });
  afterAll(() => platform.close());

  it('fails closed: personal fields are withheld when the consent subgraph is down', async () => {
    const created = await postGraphQL(platform.gatewayUrl, CreateCustomerDocument, { input: { givenName: 'Fay', email: 'fay@example.com', acquisitionChannel: 'WEB' } }, platform.internal);
    const id = created.data!.createCustomer.id;
    await platform.subgraphs.find((s) => s.name === 'consent')!.stop();
    // A consent purpose needs the ledger; a purpose whose basis this process has not learnt yet needs the catalogue.
    for (const purpose of ['MARKETING', 'FRAUD_PREVENTION']) {
      const caller = await platform.tokens.headers(CallerKind.INTERNAL_APP, { purpose });
      const r = await postGraphQL(platform.gatewayUrl, CustomerContactDocument, { id }, caller);
      expect(r.data!.customer).toEqual({ id, displayName: null, email: null });
      expect(r.errors!.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
        ['CONSENT_REQUIRED', 'DECISION_UNAVAILABLE'],
        ['CONSENT_REQUIRED', 'DECISION_UNAVAILABLE'],
      ]);
    }
  });
});
