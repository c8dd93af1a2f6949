import { parse } from 'graphql';
import { closeServer, demoProducts, listen, tombstoneOfId } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import {
  ActiveOffersDocument,
  CreateCustomerDocument,
  CustomerContactDocument,
  CustomerMergeStatusDocument,
  DuplicateCandidatesDocument,
  GrantConsentDocument,
  MergeCustomersDocument,
  OnePersonViewDocument,
  RecordInteractionDocument,
  RecordOfferResponsesDocument,
  RecordOrderDocument,
  RequestErasureDocument,
  UnmergeCustomersDocument,
  WithdrawConsentDocument,
  type OnePersonViewQuery,
} from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const DEMO = { seed: 14, customers: 4 };
const PARTNER = 'partner-nordic-travel';
const STAFF_MERGE_SCOPES = 'customers:read customers.pii:read customers:write customers:merge orders:read offers:read consent:read consent:write';
const codes = (errors?: { extensions?: Record<string, unknown> }[]) => (errors ?? []).map((e) => e.extensions?.code);

type View = NonNullable<OnePersonViewQuery['customer']>;

describe(`one person, one profile (identity resolution) through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let mergeStaff: Record<string, string>;
  let privacyStaff: Record<string, string>;
  /** Reads every subgraph's side of a customer, the disclosure ledger included (privacy:admin). */
  let viewer: Record<string, string>;
  let offerId: string;
  let run = 0;
  const ask = <T, V>(doc: Parameters<typeof postGraphQL<T, V>>[1], variables: V, headers: Record<string, string>) => postGraphQL(platform.gatewayUrl, doc, variables, headers);
  const ok = <T extends { errors?: unknown }>(r: T) => {
    expect(r.errors).toBeUndefined();
    return r;
  };
  const product = () => demoProducts(DEMO).find((x) => x.stockLevel > 20)!;

  /** Two profiles of one person as two systems sent them: e-mail sub-address, phone format and external id case differ. */
  async function twoArrivals() {
    const tag = `${++run}${Date.now() % 100000}`;
    const a = ok(
      await ask(CreateCustomerDocument, { input: { givenName: 'Ann', familyName: 'Dupont', email: `Ann.${tag}@Example.com`, phone: `+44 20 7946 ${tag.slice(-4).padStart(4, '0')}`, acquisitionChannel: 'WEB', externalIds: [{ system: 'ERP', id: `C-${tag}` }] } }, platform.internal),
    ).data!.createCustomer.id;
    const b = ok(
      await ask(CreateCustomerDocument, { input: { givenName: 'Ann', familyName: 'Dupont', email: `ann.${tag}+shop@example.com`, phone: `020 7946 ${tag.slice(-4).padStart(4, '0')}`, acquisitionChannel: 'STORE', externalIds: [{ system: 'erp', id: `c-${tag}` }] } }, platform.internal),
    ).data!.createCustomer.id;
    return { a, b, tag };
  }

  /** One row of everything in every subgraph for the customer: interaction, order, offer response, disclosure. */
  async function activity(id: string, tag: string) {
    ok(await ask(RecordInteractionDocument, { input: { customerId: id, channel: 'WEB', kind: 'PASSIVE', type: 'PAGE_VIEW', attributes: { page: '/garden' } } }, platform.internal));
    ok(await ask(RecordOrderDocument, { input: { customerId: id, sourceSystem: 'webshop', externalId: `ord-${tag}-${id}`, channel: 'WEB', currency: product().currency, lines: [{ sku: product().sku, quantity: 1 }] } }, platform.internal));
    ok(await ask(RecordOfferResponsesDocument, { inputs: [{ eventId: `resp-${tag}-${id}`, offerId, customerId: id, type: 'SHOWN', channel: 'WEB' }] }, platform.internal));
    ok(await ask(GrantConsentDocument, { input: { customerId: id, purposeCode: 'PARTNER_SHARING', partnerId: PARTNER, channel: 'WEB' } }, platform.internal));
    ok(await ask(CustomerContactDocument, { id }, await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER })));
  }

  const view = async (id: string): Promise<View | null | undefined> => ok(await ask(OnePersonViewDocument, { id }, viewer)).data?.customer;
  const counts = (v: View | null | undefined) => ({
    interactions: v?.interactions?.totalCount,
    orders: v?.orders?.totalCount,
    offerResponses: v?.offerResponses?.totalCount,
    disclosures: v?.disclosures.totalCount,
  });
  const consentOf = (v: View | null | undefined, purpose: string) => v?.consents.find((c) => c.purpose.code === purpose);

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    mergeStaff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'service-desk', scope: STAFF_MERGE_SCOPES });
    viewer = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: `${STAFF_MERGE_SCOPES} privacy:admin` });
    privacyStaff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'customers:read customers.pii:read privacy:admin' });
    offerId = ok(await ask(ActiveOffersDocument, {}, platform.internal)).data!.offers!.edges[0].node.id;
  });
  afterAll(() => platform.close());

  it('meets an e-mail in another letter case as the same customer at arrival', async () => {
    const tag = `case${Date.now() % 100000}`;
    ok(await ask(CreateCustomerDocument, { input: { givenName: 'Bo', email: `A.${tag}@X.com`, acquisitionChannel: 'WEB' } }, platform.internal));
    const again = await ask(CreateCustomerDocument, { input: { givenName: 'Bo', email: `a.${tag}@x.com`, acquisitionChannel: 'WEB' } }, platform.internal);
    expect(codes(again.errors)).toEqual(['CONFLICT']);
  });

  it('lists the other profile as a candidate with the evidence: e-mail, phone and external id, each normalised', async () => {
    const { a, b } = await twoArrivals();
    const r = ok(await ask(DuplicateCandidatesDocument, { customerId: a }, mergeStaff));
    expect(r.data!.duplicateCandidates).toEqual([
      {
        customer: { id: b },
        evidence: [
          { identifier: 'EMAIL', rule: expect.stringContaining('case-folded'), system: null },
          { identifier: 'EXTERNAL_ID', rule: expect.stringContaining('case-folded'), system: 'erp' },
          { identifier: 'PHONE', rule: expect.stringContaining('E.164'), system: null },
        ],
      },
    ]);
  });

  it('merges across every subgraph, resolves the old id to the survivor, and unmerges without losing what came after', async () => {
    const { a, b, tag } = await twoArrivals();
    await activity(a, tag);
    await activity(b, tag);
    const merged = ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff)).data!.mergeCustomers;
    expect(merged).toMatchObject({ survivorId: a, mergedId: b, state: 'MERGED', failure: null });
    expect(merged.moved).toEqual(
      expect.arrayContaining([
        { subgraph: 'transactions', table: 'transactions.customer_order', rows: 1 },
        { subgraph: 'offers', table: 'offers.offer_response', rows: 1 },
        { subgraph: 'consent', table: 'consent.customer_alias', rows: 1 },
        { subgraph: 'customers', table: 'customers.interaction', rows: 1 },
        { subgraph: 'customers', table: 'customers.external_identity', rows: 1 },
      ]),
    );
    expect(new Date(merged.undoUntil).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const survivor = await view(a);
    expect(counts(survivor)).toEqual({ interactions: 2, orders: 2, offerResponses: 2, disclosures: 2 });
    expect(survivor!.externalIds!.map((e) => e.system).sort()).toEqual(['ERP', 'erp']);
    const old = await view(b);
    expect(old?.id).toBe(a);
    expect(counts(old)).toEqual(counts(survivor));
    expect(ok(await ask(CustomerMergeStatusDocument, { id: merged.id }, mergeStaff)).data!.customerMerge.state).toBe('MERGED');
    expect(ok(await ask(DuplicateCandidatesDocument, { customerId: a }, mergeStaff)).data!.duplicateCandidates).toEqual([]);

    // Recorded on the survivor after the merge: it stays with the survivor through the unmerge.
    await activity(a, `${tag}-after`);
    const unmerged = ok(await ask(UnmergeCustomersDocument, { mergeId: merged.id }, mergeStaff)).data!.unmergeCustomers;
    expect(unmerged.state).toBe('UNMERGED');
    const [afterA, afterB] = [await view(a), await view(b)];
    expect(afterB?.id).toBe(b);
    expect(counts(afterA)).toEqual({ interactions: 2, orders: 2, offerResponses: 2, disclosures: 2 });
    expect(counts(afterB)).toEqual({ interactions: 1, orders: 1, offerResponses: 1, disclosures: 1 });
    expect(afterB!.externalIds).toEqual([{ system: 'erp', id: `c-${tag}` }]);
    expect(consentOf(afterB, 'PARTNER_SHARING')?.status).toBe('GRANTED');
    // An unmerge is done once: asking again answers the same record.
    expect(ok(await ask(UnmergeCustomersDocument, { mergeId: merged.id }, mergeStaff)).data!.unmergeCustomers.state).toBe('UNMERGED');
  });

  it('keeps the most restrictive consent per purpose and partner, with ledger events naming the merge; an unmerge gives each profile its own back', async () => {
    const { a, b } = await twoArrivals();
    const grant = (customerId: string, purposeCode: string, partnerId?: string) => ask(GrantConsentDocument, { input: { customerId, purposeCode, partnerId, channel: 'WEB' } }, platform.internal).then(ok);
    await grant(a, 'PARTNER_SHARING', PARTNER); // granted on both: stays
    await grant(b, 'PARTNER_SHARING', PARTNER);
    await grant(a, 'MARKETING'); // granted on the survivor only: does not extend to the other's data
    await grant(b, 'PROFILING'); // granted on the merged profile only
    await grant(a, 'ANALYTICS'); // withdrawn on the other: the withdrawal wins
    await grant(b, 'ANALYTICS');
    ok(await ask(WithdrawConsentDocument, { input: { customerId: b, purposeCode: 'ANALYTICS', channel: 'WEB' } }, platform.internal));

    const merge = ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff)).data!.mergeCustomers;
    const one = await view(a);
    expect(consentOf(one, 'PARTNER_SHARING')).toMatchObject({ status: 'GRANTED', partner: { id: PARTNER } });
    expect(consentOf(one, 'MARKETING')).toMatchObject({ status: 'WITHDRAWN', channel: 'MERGE' });
    expect(consentOf(one, 'ANALYTICS')).toMatchObject({ status: 'WITHDRAWN', channel: 'MERGE' });
    expect(consentOf(one, 'PROFILING')).toBeUndefined();
    const mergeEvents = one!.consentHistory.edges.map((e) => e.node).filter((e) => e.channel === 'MERGE');
    expect(mergeEvents).toEqual([
      { status: 'WITHDRAWN', channel: 'MERGE', clientId: `customers:merge/${merge.id}` },
      { status: 'WITHDRAWN', channel: 'MERGE', clientId: `customers:merge/${merge.id}` },
    ]);
    // A re-grant on the one profile is in force again.
    await grant(a, 'MARKETING');
    expect(consentOf(await view(a), 'MARKETING')?.status).toBe('GRANTED');

    ok(await ask(UnmergeCustomersDocument, { mergeId: merge.id }, mergeStaff));
    const [afterA, afterB] = [await view(a), await view(b)];
    expect(consentOf(afterA, 'MARKETING')?.status).toBe('GRANTED');
    expect(consentOf(afterA, 'ANALYTICS')?.status).toBe('GRANTED');
    expect(consentOf(afterB, 'PROFILING')?.status).toBe('GRANTED');
    expect(consentOf(afterB, 'PARTNER_SHARING')?.status).toBe('GRANTED');
    expect(consentOf(afterB, 'ANALYTICS')?.status).toBe('WITHDRAWN');
  });

  it('erases every id a merged person had', async () => {
    const { a, b, tag } = await twoArrivals();
    await activity(b, tag);
    ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff));
    expect(ok(await ask(RequestErasureDocument, { customerId: a }, privacyStaff)).data!.requestErasure.status).toBe('DONE');
    expect(await view(a)).toBeNull();
    expect(await view(b)).toBeNull();
    for (const id of [a, b]) {
      const order = await ask(RecordOrderDocument, { input: { customerId: id, sourceSystem: 'webshop', externalId: `late-${id}`, channel: 'WEB', currency: product().currency, lines: [{ sku: product().sku, quantity: 1 }] } }, platform.internal);
      expect(order.errors?.[0].extensions).toMatchObject({ code: 'SUBJECT_ERASED' });
    }
    const again = await ask(CreateCustomerDocument, { input: { givenName: 'Ann', acquisitionChannel: 'WEB', externalIds: [{ system: 'erp', id: `c-${tag}` }] } }, platform.internal);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'SUBJECT_ERASED' });
    const db = platform.subgraphs[0].dataSource;
    for (const table of ['customers.customer_merge', 'customers.customer_alias', 'customers.merge_move', 'transactions.merge_move', 'offers.merge_move', 'consent.customer_alias', 'consent.merge_consent_event']) {
      const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE $1 OR t::text LIKE $2`, [`%${a}%`, `%${b}%`]);
      expect(`${table}: ${n}`).toBe(`${table}: 0`);
    }
  });

  it('erases every id of a chain of merges (b into a, then a into c): no merge record links any of them afterwards', async () => {
    const { a, b, tag } = await twoArrivals();
    const { a: c } = await twoArrivals();
    await activity(b, tag);
    await activity(a, `${tag}a`);
    ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff));
    expect(ok(await ask(MergeCustomersDocument, { survivorId: c, mergedId: a }, mergeStaff)).data!.mergeCustomers.state).toBe('MERGED');
    expect(counts(await view(c))).toMatchObject({ interactions: 2, orders: 2, offerResponses: 2 });
    expect(ok(await ask(RequestErasureDocument, { customerId: c }, privacyStaff)).data!.requestErasure.status).toBe('DONE');
    const db = platform.subgraphs[0].dataSource;
    for (const table of ['customers.customer_merge', 'customers.customer_alias', 'customers.merge_move', 'transactions.merge_move', 'offers.merge_move', 'consent.customer_alias', 'consent.merge_consent_event']) {
      const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE $1 OR t::text LIKE $2 OR t::text LIKE $3`, [`%${a}%`, `%${b}%`, `%${c}%`]);
      expect(`${table}: ${n}`).toBe(`${table}: 0`);
    }
    for (const schema of ['customers', 'transactions', 'offers', 'consent']) {
      const tombstoned: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${schema}.erased_customer WHERE customer_hash = ANY($1::text[])`, [[a, b, c].map(tombstoneOfId)]);
      expect(`${schema}: ${tombstoned[0].n}`).toBe(`${schema}: 3`);
    }
  });

  it('an erasure also de-identifies rows a feed wrote under the retired id after the merge (feeds check existence through a short cache)', async () => {
    const { a, b, tag } = await twoArrivals();
    await activity(b, tag);
    ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff));
    // Within the feeds' existence cache, the retired id may still be taken: whatever lands on it must not outlive an erasure.
    await ask(RecordOrderDocument, { input: { customerId: b, sourceSystem: 'webshop', externalId: `after-${tag}-${b}`, channel: 'WEB', currency: product().currency, lines: [{ sku: product().sku, quantity: 1 }] } }, platform.internal);
    await ask(RecordOfferResponsesDocument, { inputs: [{ eventId: `after-${tag}-${b}`, offerId, customerId: b, type: 'CLICKED', channel: 'WEB' }] }, platform.internal);
    expect(ok(await ask(RequestErasureDocument, { customerId: a }, privacyStaff)).data!.requestErasure.status).toBe('DONE');
    const db = platform.subgraphs[0].dataSource;
    for (const table of ['transactions.customer_order', 'transactions.customer_value', 'offers.offer_response']) {
      const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = ANY($1::uuid[])`, [[a, b]]);
      expect(`${table}: ${n}`).toBe(`${table}: 0`);
    }
  });

  /** What a feed sends naming an id: an interaction, an order, an offer response and a partner-sharing grant (no reads). */
  async function feeds(id: string, tag: string, headers = platform.internal) {
    const results = [
      await ask(RecordInteractionDocument, { input: { customerId: id, channel: 'WEB', kind: 'PASSIVE', type: 'PAGE_VIEW', attributes: { page: '/alias' } } }, headers),
      await ask(RecordOrderDocument, { input: { customerId: id, sourceSystem: 'webshop', externalId: `alias-${tag}-${id}`, channel: 'WEB', currency: product().currency, lines: [{ sku: product().sku, quantity: 1 }] } }, headers),
      await ask(RecordOfferResponsesDocument, { inputs: [{ eventId: `alias-${tag}-${id}`, offerId, customerId: id, type: 'SHOWN', channel: 'WEB' }] }, headers),
      await ask(GrantConsentDocument, { input: { customerId: id, purposeCode: 'PARTNER_SHARING', partnerId: PARTNER, channel: 'WEB' } }, headers),
    ];
    return results;
  }

  it('feeds naming the retired id land on the survivor, and an unmerge gives exactly those back to the retired id', async () => {
    const { a, b, tag } = await twoArrivals();
    await activity(a, tag);
    const merge = ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff)).data!.mergeCustomers;
    for (const r of await feeds(b, tag)) ok(r);
    // A replay of the same order and response through the alias is the same record, not a conflict (interactions carry no key: a second one).
    for (const r of await feeds(b, tag)) ok(r);
    const one = await view(b);
    expect(one?.id).toBe(a);
    expect(counts(one)).toEqual({ interactions: 3, orders: 2, offerResponses: 2, disclosures: 1 });
    expect(consentOf(one, 'PARTNER_SHARING')?.status).toBe('GRANTED');
    const db = platform.subgraphs[0].dataSource;
    for (const table of ['customers.interaction', 'transactions.customer_order', 'offers.offer_response']) {
      const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = $1`, [b]);
      expect(`${table}: ${n}`).toBe(`${table}: 0`);
    }

    ok(await ask(UnmergeCustomersDocument, { mergeId: merge.id }, mergeStaff));
    const [afterA, afterB] = [await view(a), await view(b)];
    expect(afterB?.id).toBe(b);
    expect(counts(afterA)).toEqual({ interactions: 1, orders: 1, offerResponses: 1, disclosures: 1 });
    expect(counts(afterB)).toMatchObject({ interactions: 2, orders: 1, offerResponses: 1 });
    // The grant said through b is b's again; on a it no longer counts (a re-grant restores it there).
    expect(consentOf(afterB, 'PARTNER_SHARING')).toMatchObject({ status: 'GRANTED', channel: 'MERGE' });
    expect(consentOf(afterA, 'PARTNER_SHARING')).toMatchObject({ status: 'WITHDRAWN', channel: 'MERGE' });
  });

  /** Posts one NDJSON import through the gateway as an ERP integration and answers its job. */
  async function importRows(kind: string, rows: Record<string, unknown>[], headers: Record<string, string>) {
    const response = await fetch(`${new URL(platform.gatewayUrl).origin}/import/${kind}?sourceSystem=late-erp`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...headers },
      body: rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { job: { id: string; counts: Record<string, number> } }).job;
  }

  it('bulk imports naming the retired id land on the survivor like single writes, and an unmerge gives exactly those back', async () => {
    const { a, b, tag } = await twoArrivals();
    const merge = ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff)).data!.mergeCustomers;
    const erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { scope: 'customers:write orders:write offers:write' });
    const order = (customerId: string, n: number) => ({ externalId: `late-${tag}-${n}`, customerId, channel: 'WEB', currency: product().currency, lines: [{ sku: product().sku, quantity: 1 }] });
    const orders = [order(b, 1), order(a, 2)];
    const interaction = { externalId: `late-${tag}`, customerId: b, channel: 'WEB', kind: 'PASSIVE', type: 'PAGE_VIEW', occurredAt: new Date(Date.now() - 60_000).toISOString() };
    const response = { externalId: `late-${tag}`, offerId, customerId: b, type: 'SHOWN', channel: 'EMAIL' };
    expect((await importRows('orders', orders, erp)).counts).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
    expect((await importRows('interactions', [interaction], erp)).counts).toMatchObject({ read: 1, inserted: 1, rejected: 0 });
    expect((await importRows('offer-responses', [response], erp)).counts).toMatchObject({ read: 1, inserted: 1, rejected: 0 });
    // A replay through the alias is the same record: unchanged, not a conflict.
    expect((await importRows('orders', orders, erp)).counts).toMatchObject({ read: 2, inserted: 0, unchanged: 2, rejected: 0 });
    const db = platform.subgraphs[0].dataSource;
    for (const table of ['customers.interaction', 'transactions.customer_order', 'offers.offer_response']) {
      const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = $1`, [b]);
      expect(`${table}: ${n}`).toBe(`${table}: 0`);
    }
    expect(counts(await view(a))).toMatchObject({ interactions: 1, orders: 2, offerResponses: 1 });

    ok(await ask(UnmergeCustomersDocument, { mergeId: merge.id }, mergeStaff));
    // What the feed named b goes back to b; what it named a stays on a.
    expect(counts(await view(b))).toMatchObject({ interactions: 1, orders: 1, offerResponses: 1 });
    expect(counts(await view(a))).toMatchObject({ interactions: 0, orders: 1, offerResponses: 0 });
    // And the same file again changes nothing: each row is where the id it names now lives.
    expect((await importRows('orders', orders, erp)).counts).toMatchObject({ inserted: 0, unchanged: 2, rejected: 0 });
  });

  it('a write naming the merged id right after the merge lands on the survivor, though the id was seen to exist a moment before (no stale existence cache)', async () => {
    const { a, b, tag } = await twoArrivals();
    const erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { scope: 'orders:write offers:write consent:write' });
    const orderFor = (n: number) => ({ input: { customerId: b, sourceSystem: 'erp', externalId: `cache-${tag}-${n}`, channel: 'WEB', currency: product().currency, lines: [{ sku: product().sku, quantity: 1 }] } }) as never;
    // Each feed's existence check now holds "b exists" (a 5 s cache).
    ok(await ask(RecordOrderDocument, orderFor(1), erp));
    ok(await ask(RecordOfferResponsesDocument, { inputs: [{ eventId: `cache-${tag}-1`, offerId, customerId: b, type: 'SHOWN', channel: 'WEB' }] }, erp));
    const merge = ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff)).data!.mergeCustomers;
    ok(await ask(RecordOrderDocument, orderFor(2), erp));
    ok(await ask(RecordOfferResponsesDocument, { inputs: [{ eventId: `cache-${tag}-2`, offerId, customerId: b, type: 'CLICKED', channel: 'WEB' }] }, erp));
    const db = platform.subgraphs[0].dataSource;
    for (const table of ['transactions.customer_order', 'offers.offer_response']) {
      const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = $1`, [b]);
      expect(`${table}: ${n}`).toBe(`${table}: 0`);
    }
    expect(counts(await view(a))).toMatchObject({ orders: 2, offerResponses: 2 });
    // Written through the alias, so the unmerge gives both back.
    ok(await ask(UnmergeCustomersDocument, { mergeId: merge.id }, mergeStaff));
    expect(counts(await view(b))).toMatchObject({ orders: 2, offerResponses: 2 });
    expect(counts(await view(a))).toMatchObject({ orders: 0, offerResponses: 0 });
  });

  it('writes racing a merge end on the survivor or are refused with a typed error: none is left on the retired id', async () => {
    const { a, b, tag } = await twoArrivals();
    await activity(b, tag);
    const erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { scope: 'customers:write orders:write offers:write consent:write' });
    const rounds = (from: number, n: number) => Promise.all(Array.from({ length: n }, (_, i) => feeds(b, `${tag}-race${from + i}`, erp)));
    const [before, merge, during] = await Promise.all([rounds(0, 3), ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff), rounds(3, 3)]);
    const after = await rounds(6, 2);
    expect(ok(merge).data!.mergeCustomers.state).toBe('MERGED');
    const errors = [...before, ...during, ...after].flat().flatMap((r) => r.errors ?? []);
    for (const error of errors) expect(['NOT_FOUND', 'CONFLICT', 'SUBGRAPH_UNAVAILABLE']).toContain(error.extensions?.code);
    const db = platform.subgraphs[0].dataSource;
    for (const table of ['customers.interaction', 'transactions.customer_order', 'offers.offer_response']) {
      const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = $1`, [b]);
      expect(`${table}: ${n}`).toBe(`${table}: 0`);
    }
    // Consent words said before the merge stay on the retired id (an append-only ledger), ended by the merge: none is left in force there.
    const [latest]: { status: string }[] = await db.query(
      `SELECT status FROM consent.consent_event WHERE customer_id = $1 AND purpose_code = 'PARTNER_SHARING' AND partner_id = $2 ORDER BY seq DESC LIMIT 1`,
      [b, PARTNER],
    );
    expect(latest.status).toBe('WITHDRAWN');
    expect(consentOf(await view(a), 'PARTNER_SHARING')?.status).toBe('GRANTED');
  });

  it('resolves the retired id only for callers who see every customer: its own old customer token gets NOT_FOUND, never the survivor', async () => {
    const { a, b, tag } = await twoArrivals();
    ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff));
    const oldToken = await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: b, scope: 'customers:read customers:write consent:read consent:write' });
    const [interaction, , , grant] = await feeds(b, `${tag}-self`, oldToken);
    for (const refused of [interaction, grant]) {
      expect(codes(refused.errors)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(refused)).not.toContain(a);
    }
    expect(counts(await view(a))).toMatchObject({ interactions: 0, orders: 0, offerResponses: 0 });
    // An ERP feed (which sees every customer) lands on the survivor.
    const erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION);
    ok(await ask(RecordOrderDocument, { input: { customerId: b, sourceSystem: 'erp', externalId: `erp-${tag}`, channel: 'WEB', currency: product().currency, lines: [{ sku: product().sku, quantity: 1 }] } }, erp));
    expect(counts(await view(a))).toMatchObject({ orders: 1 });
  });

  it('recomputes memberships and value scores of both customers at once on merge and on unmerge (no refresh asked)', async () => {
    const { a, b, tag } = await twoArrivals();
    const raw = (source: string, variables: Record<string, unknown>) => postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, parse(source), variables, platform.internal); // eslint-disable-line @typescript-eslint/no-explicit-any
    const rule = { condition: { field: 'INTERACTION_COUNT', operator: 'GTE', values: ['2'], interactionType: 'PAGE_VIEW', withinDays: 7 } };
    const segmentId: string = ok(await raw('mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }', { input: { name: `two views ${tag}`, rule } })).data!.createSegment.id;
    const members = async (): Promise<{ count: number; ids: string[] }> => {
      const segment = ok(await raw('query($id: ID!) { segment(id: $id) { memberCount members(first: 50) { edges { node { id } } } } }', { id: segmentId })).data!.segment;
      return { count: segment.memberCount, ids: segment.members.edges.map((e: { node: { id: string } }) => e.node.id).filter((id: string) => id === a || id === b) };
    };
    await activity(a, tag);
    await activity(b, tag);
    const db = platform.subgraphs[0].dataSource;
    const orderCount = async (id: string) => ((await db.query(`SELECT order_count AS n FROM transactions.customer_value WHERE customer_id = $1`, [id])) as { n: number }[])[0]?.n ?? null;
    const before = await members();
    expect(before.ids).toEqual([]);
    expect([await orderCount(a), await orderCount(b)]).toEqual([1, 1]);

    const merge = ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff)).data!.mergeCustomers;
    const merged = await members();
    expect(merged.ids).toEqual([a]);
    expect(merged.count).toBe(before.count + 1);
    expect([await orderCount(a), await orderCount(b)]).toEqual([2, null]);

    ok(await ask(UnmergeCustomersDocument, { mergeId: merge.id }, mergeStaff));
    const unmerged = await members();
    expect(unmerged.ids).toEqual([]);
    expect(unmerged.count).toBe(before.count);
    expect([await orderCount(a), await orderCount(b)]).toEqual([1, 1]);
  });

  it("refuses a data-subject request naming a retired id (it would answer DONE and keep the person's data under the survivor)", async () => {
    const { a, b, tag } = await twoArrivals();
    await activity(b, tag);
    ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff));
    const oldToken = await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: b });
    for (const headers of [privacyStaff, oldToken]) {
      const refused = await ask(RequestErasureDocument, { customerId: b }, headers);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SUBJECT_MERGED' });
      expect(JSON.stringify(refused)).not.toContain(a);
      expect(JSON.stringify(refused.errors)).not.toContain(b);
    }
    expect(counts(await view(a))).toMatchObject({ interactions: 1, orders: 1, offerResponses: 1 });
  });

  it('fails a merge with a failing subgraph, undoes the steps done, and finishes the undo once that subgraph is back', async () => {
    const { a, b, tag } = await twoArrivals();
    await activity(b, tag);
    const consent = platform.subgraphs.find((s) => s.name === 'consent')!;
    await closeServer(consent.http);
    let failed;
    try {
      failed = ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff)).data!.mergeCustomers;
    } finally {
      await listen(consent.http, Number(new URL(consent.url).port), '127.0.0.1');
    }
    // The unreachable subgraph's own undo could not be confirmed either: the record says so.
    expect(failed).toMatchObject({ state: 'UNMERGING', failure: expect.stringContaining('consent') });
    expect((await view(b))?.id).toBe(b);
    expect(codes((await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff)).errors)).toEqual(['CONFLICT']);
    expect(ok(await ask(UnmergeCustomersDocument, { mergeId: failed.id }, mergeStaff)).data!.unmergeCustomers.state).toBe('UNMERGED');
    expect(counts(await view(b))).toEqual({ interactions: 1, orders: 1, offerResponses: 1, disclosures: 1 });
    expect(counts(await view(a))).toEqual({ interactions: 0, orders: 0, offerResponses: 0, disclosures: 0 });
    // Both as before: the merge can be asked again and completes.
    expect(ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, mergeStaff)).data!.mergeCustomers.state).toBe('MERGED');
  });

  describe('adversarial', () => {
    it('refuses a merge to staff without customers:merge, and changes nothing', async () => {
      const { a, b } = await twoArrivals();
      const r = await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, platform.internal);
      expect(codes(r.errors)).toEqual(['FORBIDDEN']);
      expect((await view(b))?.id).toBe(b);
    });

    it('refuses a token of another kind asking for customers:merge (kind ceiling)', async () => {
      for (const kind of [CallerKind.PARTNER, CallerKind.ERP_INTEGRATION, CallerKind.CUSTOMER, CallerKind.BI]) {
        const headers = await platform.tokens.headers(kind, { scope: 'customers:write customers:merge', partner_id: PARTNER, customer_id: '00000000-0000-4000-8000-000000000001' });
        const r = await ask(MergeCustomersDocument, { survivorId: '00000000-0000-4000-8000-000000000001', mergedId: '00000000-0000-4000-8000-000000000002' }, headers);
        expect(r.data?.mergeCustomers ?? null).toBeNull();
        expect(codes(r.errors)).not.toEqual([]);
      }
    });

    it('refuses merging a customer with itself', async () => {
      const { a } = await twoArrivals();
      const r = await ask(MergeCustomersDocument, { survivorId: a, mergedId: a }, mergeStaff);
      expect(codes(r.errors)).toEqual(['BAD_USER_INPUT']);
    });

    it('answers an erased or unknown customer alike, NOT_FOUND, without echoing the id', async () => {
      const { a, b } = await twoArrivals();
      ok(await ask(RequestErasureDocument, { customerId: b }, privacyStaff));
      const unknown = '7d1f0a52-3b7e-4a55-9d2e-5c9a1e3f0b11';
      for (const mergedId of [b, unknown]) {
        const r = await ask(MergeCustomersDocument, { survivorId: a, mergedId }, mergeStaff);
        expect(codes(r.errors)).toEqual(['NOT_FOUND']);
        expect(JSON.stringify(r.errors)).not.toContain(mergedId);
      }
      const candidates = await ask(DuplicateCandidatesDocument, { customerId: unknown }, mergeStaff);
      expect(codes(candidates.errors)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(candidates.errors)).not.toContain(unknown);
      const unmerge = await ask(UnmergeCustomersDocument, { mergeId: unknown }, mergeStaff);
      expect(codes(unmerge.errors)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(unmerge.errors)).not.toContain(unknown);
    });

    it('gives a partner or BI token probing duplicate candidates the same refusal for any id, and no candidate', async () => {
      const { a } = await twoArrivals();
      ok(await ask(GrantConsentDocument, { input: { customerId: a, purposeCode: 'PARTNER_SHARING', partnerId: PARTNER, channel: 'WEB' } }, platform.internal));
      const partner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER });
      const bi = await platform.tokens.headers(CallerKind.BI);
      for (const headers of [partner, bi]) {
        const answers = [];
        for (const customerId of [a, '7d1f0a52-3b7e-4a55-9d2e-5c9a1e3f0b11']) {
          const r = await ask(DuplicateCandidatesDocument, { customerId }, headers);
          expect(r.data?.duplicateCandidates ?? null).toBeNull();
          expect(JSON.stringify(r.errors)).not.toContain(customerId);
          answers.push(JSON.stringify(r.errors));
        }
        expect(answers[0]).toBe(answers[1]);
      }
    });
  });
});
