import { closeServer, demoProducts, listen } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import {
  ActiveOffersDocument,
  CreateCustomerDocument,
  CustomerContactDocument,
  DataSubjectRequestDocument,
  DataSubjectRequestsDocument,
  GrantConsentDocument,
  RecordInteractionDocument,
  RecordOfferResponsesDocument,
  RecordOrderDocument,
  RequestDataAccessDocument,
  RequestErasureDocument,
  ResumeDataSubjectRequestDocument,
  VerifyConsentLedgerDocument,
} from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const DEMO = { seed: 11, customers: 6 };
const PARTNER = 'partner-nordic-travel';
const SUBGRAPHS = ['consent', 'customers', 'offers', 'transactions'];
const codes = (errors?: { extensions?: Record<string, unknown> }[]) => (errors ?? []).map((e) => e.extensions?.code);

interface Person {
  id: string;
  familyName: string;
  email: string;
  phone: string;
  externalId: string;
  orderExternalId: string;
}

describe(`data-subject requests through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let privacyStaff: Record<string, string>;
  let offerId: string;
  const ask = <T, V>(doc: Parameters<typeof postGraphQL<T, V>>[1], variables: V, headers: Record<string, string>) => postGraphQL(platform.gatewayUrl, doc, variables, headers);
  const selfService = (customerId: string) => platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: customerId });
  const ok = <T extends { errors?: unknown }>(r: T) => {
    expect(r.errors).toBeUndefined();
    return r;
  };

  /** A customer with data in every subgraph: profile, identity, interaction, order, offer response, consent, disclosure. */
  async function person(tag: string): Promise<Person> {
    const p = { familyName: `Quibble${tag}worth`, email: `zelda.${tag.toLowerCase()}@erasure.example`, phone: `+4570${tag.length % 10}${String(Date.now() % 100000).padStart(5, '0')}`, externalId: `LOY-${tag}-77` };
    const created = ok(await ask(CreateCustomerDocument, { input: { givenName: 'Zelda', familyName: p.familyName, email: p.email, phone: p.phone, acquisitionChannel: 'WEB', externalIds: [{ system: 'loyalty', id: p.externalId }] } }, platform.internal));
    const id = created.data!.createCustomer.id;
    ok(await ask(RecordInteractionDocument, { input: { customerId: id, channel: 'WEB', kind: 'ACTIVE', type: 'FEEDBACK', attributes: { note: `${p.familyName} asked to call ${p.phone}` } } }, platform.internal));
    const product = demoProducts(DEMO).find((x) => x.stockLevel > 20)!;
    const orderExternalId = `ord-${tag}`;
    ok(await ask(RecordOrderDocument, { input: { customerId: id, sourceSystem: 'webshop', externalId: orderExternalId, channel: 'WEB', currency: product.currency, lines: [{ sku: product.sku, quantity: 1 }] } }, platform.internal));
    ok(await ask(RecordOfferResponsesDocument, { inputs: [{ eventId: `resp-${tag}-${id}`, offerId, customerId: id, type: 'SHOWN', channel: 'WEB' }] }, platform.internal));
    ok(await ask(GrantConsentDocument, { input: { customerId: id, purposeCode: 'PARTNER_SHARING', partnerId: PARTNER, channel: 'WEB' } }, platform.internal));
    const partner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER });
    ok(await ask(CustomerContactDocument, { id }, partner));
    return { id, ...p, orderExternalId };
  }

  /** Every row of every table of every subgraph schema that still holds one of these values, as text. */
  async function tablesHolding(values: string[]): Promise<string[]> {
    const db = platform.subgraphs[0].dataSource;
    const tables: { table_schema: string; table_name: string }[] = await db.query(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = ANY($1::text[]) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
      [SUBGRAPHS],
    );
    expect(tables.length).toBeGreaterThan(10);
    const hits: string[] = [];
    for (const { table_schema, table_name } of tables) {
      for (const value of values) {
        const [row]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM "${table_schema}"."${table_name}" t WHERE t::text ILIKE $1`, [`%${value}%`]);
        if (row.n > 0) hits.push(`${table_schema}.${table_name} holds ${value}`);
      }
    }
    return hits;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    privacyStaff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'customers:read customers.pii:read privacy:admin' });
    const offers = ok(await ask(ActiveOffersDocument, {}, platform.internal));
    offerId = offers.data!.offers!.edges[0].node.id;
  });
  afterAll(() => platform.close());

  it('gives the customer one access document covering every subgraph, the consent history and the disclosure ledger', async () => {
    const p = await person('Access');
    const r = ok(await ask(RequestDataAccessDocument, { customerId: p.id }, await selfService(p.id)));
    const request = r.data!.requestDataAccess;
    expect(request.status).toBe('DONE');
    expect(request.parts.map((part) => [part.subgraph, part.status])).toEqual(SUBGRAPHS.map((s) => [s, 'DONE']));
    const doc = request.accessDocument as { containsPersonalData: boolean; subgraphs: Record<string, Record<string, unknown>> };
    expect(doc.containsPersonalData).toBe(true);
    const { customers, transactions, offers, consent } = doc.subgraphs as Record<string, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(customers.profile).toMatchObject({ id: p.id, familyName: p.familyName, email: p.email, phone: p.phone });
    expect(customers.externalIds).toEqual([{ system: 'loyalty', id: p.externalId }]);
    expect(customers.interactions).toHaveLength(1);
    expect(transactions.orders.map((o: { externalId: string }) => o.externalId)).toEqual([p.orderExternalId]);
    expect(transactions.orders[0].lines).toHaveLength(1);
    expect(offers.offerResponses).toMatchObject([{ offerId, type: 'SHOWN' }]);
    expect(consent.consentHistory).toMatchObject([{ purposeCode: 'PARTNER_SHARING', partnerId: PARTNER, status: 'GRANTED' }]);
    expect(consent.disclosures.length).toBeGreaterThan(0);
    expect(consent.disclosures[0]).toMatchObject({ partnerId: PARTNER, subgraph: 'customers' });

    const again = ok(await ask(DataSubjectRequestDocument, { id: request.id }, privacyStaff));
    expect(again.data!.dataSubjectRequest!.accessDocument).toEqual(doc);
  });

  it('withholds the access document from privacy staff whose purpose does not cover every category in it', async () => {
    const p = await person('Scoped');
    ok(await ask(GrantConsentDocument, { input: { customerId: p.id, purposeCode: 'PERSONALISATION', channel: 'WEB' } }, platform.internal));
    const access = ok(await ask(RequestDataAccessDocument, { customerId: p.id }, privacyStaff)).data!.requestDataAccess;
    expect(access.accessDocument).not.toBeNull(); // SERVICE covers every category

    // PERSONALISATION (granted) covers IDENTITY, the category the field declares, but not CONTACT, which the document holds.
    const personalisationStaff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'customers.pii:read privacy:admin', purpose: 'PERSONALISATION' });
    const r = await ask(DataSubjectRequestDocument, { id: access.id }, personalisationStaff);
    expect(r.data?.dataSubjectRequest?.accessDocument ?? null).toBeNull();
    expect(r.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'CONSENT_REQUIRED', category: 'CONTACT', purpose: 'PERSONALISATION' })]);
  });

  it('refuses a self-service caller asking for another customer, and hides other customers\' requests from them', async () => {
    const [me, other] = [await person('Self'), await person('Other')];
    const mine = await selfService(me.id);
    for (const doc of [RequestDataAccessDocument, RequestErasureDocument]) {
      const r = await ask(doc, { customerId: other.id }, mine);
      expect(codes(r.errors)).toEqual(['FORBIDDEN']);
    }
    const theirs = ok(await ask(RequestDataAccessDocument, { customerId: other.id }, privacyStaff)).data!.requestDataAccess;
    const peek = await ask(DataSubjectRequestDocument, { id: theirs.id }, mine);
    expect(peek.data?.dataSubjectRequest ?? null).toBeNull();
    const staffWithoutScope = await ask(RequestDataAccessDocument, { customerId: other.id }, platform.internal);
    expect(codes(staffWithoutScope.errors)).toEqual(['FORBIDDEN']);
    const list = ok(await ask(DataSubjectRequestsDocument, { customerId: other.id }, privacyStaff));
    expect(list.data!.dataSubjectRequests!.map((x) => x.id)).toEqual([theirs.id]);
  });

  it('erases every personal value of the customer from every table of every subgraph, stored access documents included', async () => {
    const p = await person('Erase');
    ok(await ask(RequestDataAccessDocument, { customerId: p.id }, privacyStaff));
    const values = [p.familyName, p.email, p.phone, p.externalId];
    expect((await tablesHolding(values)).length).toBeGreaterThan(0);

    const r = ok(await ask(RequestErasureDocument, { customerId: p.id }, await selfService(p.id)));
    expect(r.data!.requestErasure.status).toBe('DONE');
    expect(r.data!.requestErasure.parts.every((part) => part.status === 'DONE' && part.attempts === 1)).toBe(true);
    expect(await tablesHolding(values)).toEqual([]);
    const profile = await ask(CustomerContactDocument, { id: p.id }, platform.internal);
    expect(profile.data?.customer ?? null).toBeNull();
  });

  it('ends every consent still in force with a withdrawal in the customer\'s hash chain, which still verifies', async () => {
    const p = await person('Withdraw');
    const erased = ok(await ask(RequestErasureDocument, { customerId: p.id }, privacyStaff)).data!.requestErasure;
    expect(erased.status).toBe('DONE');
    const ledger: { status: string; partner_id: string | null; client_id: string; channel: string }[] = await platform.subgraphs[0].dataSource.query(
      `SELECT status, partner_id, client_id, channel FROM consent.consent_event WHERE customer_id = $1 ORDER BY seq`,
      [p.id],
    );
    expect(ledger).toEqual([
      { status: 'GRANTED', partner_id: PARTNER, client_id: expect.any(String), channel: 'WEB' },
      { status: 'WITHDRAWN', partner_id: PARTNER, client_id: 'consent:subject-requests', channel: 'API' },
    ]);
    const verified = ok(await ask(VerifyConsentLedgerDocument, { customerId: p.id }, privacyStaff)).data!.verifyConsentLedger;
    expect(verified).toEqual({ valid: true, eventsChecked: 2, firstBrokenEventId: null });

    // Erasing again (a replayed request) appends nothing more.
    ok(await ask(RequestErasureDocument, { customerId: p.id }, privacyStaff));
    const [{ n }]: { n: number }[] = await platform.subgraphs[0].dataSource.query(`SELECT count(*)::int AS n FROM consent.consent_event WHERE customer_id = $1`, [p.id]);
    expect(n).toBe(2);
  });

  it('keeps the person out: re-ingesting their old profile or orders is refused with a typed error', async () => {
    const p = await person('Tomb');
    ok(await ask(RequestErasureDocument, { customerId: p.id }, privacyStaff));
    const profile = await ask(CreateCustomerDocument, { input: { givenName: 'Zelda', familyName: p.familyName, acquisitionChannel: 'WEB', externalIds: [{ system: 'loyalty', id: p.externalId }] } }, platform.internal);
    expect(profile.errors?.[0].extensions).toMatchObject({ code: 'SUBJECT_ERASED', reason: 'SUBJECT_ERASED' });
    const product = demoProducts(DEMO).find((x) => x.stockLevel > 20)!;
    for (const externalId of [p.orderExternalId, 'ord-new-after-erasure']) {
      const order = await ask(RecordOrderDocument, { input: { customerId: p.id, sourceSystem: 'webshop', externalId, channel: 'WEB', currency: product.currency, lines: [{ sku: product.sku, quantity: 1 }] } }, platform.internal);
      expect(order.errors?.[0].extensions).toMatchObject({ code: 'SUBJECT_ERASED', reason: 'SUBJECT_ERASED' });
    }
    expect(await tablesHolding([p.familyName, p.email])).toEqual([]);
  });

  it('marks a subgraph that is down FAILED with the reason, never reports DONE, and completes when resumed', async () => {
    const p = await person('Resume');
    const offers = platform.subgraphs.find((s) => s.name === 'offers')!;
    await closeServer(offers.http);
    let failed;
    try {
      failed = ok(await ask(RequestErasureDocument, { customerId: p.id }, privacyStaff)).data!.requestErasure;
    } finally {
      await listen(offers.http, Number(new URL(offers.url).port), '127.0.0.1');
    }
    expect(failed.status).toBe('FAILED');
    const byName = Object.fromEntries(failed.parts.map((part) => [part.subgraph, part]));
    expect(byName.offers).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(byName.offers.reason).toMatch(/offers subgraph unavailable/);
    expect(byName.offers.nextAttemptAt).not.toBeNull();
    for (const s of ['customers', 'transactions', 'consent']) expect(byName[s].status).toBe('DONE');

    const resumed = ok(await ask(ResumeDataSubjectRequestDocument, { id: failed.id }, privacyStaff)).data!.resumeDataSubjectRequest;
    expect(resumed.status).toBe('DONE');
    expect(resumed.parts.every((part) => part.status === 'DONE' && part.reason === null)).toBe(true);
    expect(await tablesHolding([p.familyName, p.email, p.phone])).toEqual([]);
    const responses: { n: number }[] = await platform.subgraphs[0].dataSource.query(`SELECT count(*)::int AS n FROM offers.offer_response WHERE customer_id = $1`, [p.id]);
    expect(responses[0].n).toBe(0);
  });
});
