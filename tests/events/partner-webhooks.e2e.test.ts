import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { demoProducts, type EventEnvelope } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { CreateCustomerDocument, GrantConsentDocument, MergeCustomersDocument, RecordOrderDocument, RequestErasureDocument, SetPartnerActiveDocument, WithdrawConsentDocument } from '../generated/graphql';
import { postGraphQL } from '../support/graphql-client';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';

const DEMO = { seed: 16, customers: 3 };
const PARTNER_A = 'partner-nordic-travel';
const PARTNER_B = 'partner-green-energy';
const PARTNER_C = 'partner-city-bank';
const NOBODY = '00000000-0000-4000-8000-000000000000';

const SUBSCRIBE = parse(`mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret subscription { id partnerId eventTypes } } }`);
const LIST = parse(`query { webhookSubscriptions { id partnerId url eventTypes disabledAt previousSecretValidUntil } }`);
const ROTATE = parse(`mutation ($id: ID!) { rotateWebhookSubscriptionSecret(id: $id) { secret subscription { id previousSecretValidUntil } } }`);
const DISABLE = parse(`mutation ($id: ID!) { disableWebhookSubscription(id: $id) { id disabledAt } }`);
const DEAD = parse(`query { webhookDeliveryDeadLetters(first: 10) { id subscriptionId eventId type attempts lastError } }`);
const REPLAY = parse(`mutation ($ids: [ID!]) { replayWebhookDeliveries(ids: $ids) }`);
const UPDATE_CUSTOMER = parse(`mutation ($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }`);
const READ_NAME = parse(`query ($id: ID!) { customer(id: $id) { id displayName } }`);
const DISCLOSURES = parse(`query ($id: ID!) { customer(id: $id) { disclosures(first: 50) { edges { node { subgraph categories purposeCode consentEventIds partner { id } } } } } }`);

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  event: EventEnvelope;
}

/** A webhook receiver on loopback: records every request; answers `status()` (204 unless a test says otherwise). */
async function startReceiver() {
  const requests: Delivery[] = [];
  let status = () => 204;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ headers: req.headers, body, event: JSON.parse(body) as EventEnvelope });
      res.statusCode = status();
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/c360`,
    requests,
    answer(next: () => number) {
      status = next;
    },
    about: (customerId: string) => requests.filter((r) => r.event.customerId === customerId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Standard Webhooks verification, written from the specification: the signed content is
 * `${webhook-id}.${webhook-timestamp}.${body}`, HMAC-SHA256 under the base64-decoded part of the
 * `whsec_` secret; `webhook-signature` is a space-separated list of `v1,<base64>`; the timestamp must
 * be recent (5 minutes' tolerance).
 */
function verifies(secret: string, delivery: Delivery): boolean {
  const id = String(delivery.headers['webhook-id']);
  const timestamp = String(delivery.headers['webhook-timestamp']);
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${delivery.body}`).digest();
  return String(delivery.headers['webhook-signature'])
    .split(' ')
    .some((part) => {
      const [version, signature] = part.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

jest.setTimeout(120_000); // a whole platform with demo data, on a shared machine

describe(`consent-aware webhooks, through the gateway (${storageLabel()})`, () => {
  let platform: TestPlatform;
  let receiverA: Awaited<ReturnType<typeof startReceiver>>;
  let receiverB: Awaited<ReturnType<typeof startReceiver>>;
  let receiverC: Awaited<ReturnType<typeof startReceiver>>;
  let internal: Awaited<ReturnType<typeof startReceiver>>;
  let partnerA: Record<string, string>;
  let partnerB: Record<string, string>;
  let partnerC: Record<string, string>;
  let privacyStaff: Record<string, string>;
  const secrets = new Map<string, string>();
  const subscriptionOf = new Map<string, string>();
  const env = { ...process.env };

  const ask = <T, V>(doc: Parameters<typeof postGraphQL<T, V>>[1], variables: V, headers = platform.internal) => postGraphQL(platform.gatewayUrl, doc, variables, headers);
  const ok = <T extends { errors?: unknown }>(r: T) => {
    expect(r.errors).toBeUndefined();
    return r;
  };
  /** Every outbox relayed to the consent subgraph, then every due webhook delivery sent: nothing is left in flight. */
  const drain = async () => {
    for (const subgraph of platform.subgraphs) await subgraph.events.runOnce();
    await platform.subgraphs.find((s) => s.name === 'consent')!.workers.webhookDeliveries.runOnce();
  };
  const createCustomer = async (givenName: string) => ok(await ask(CreateCustomerDocument, { input: { givenName, familyName: 'Hooked', email: `${givenName.toLowerCase()}@hooks.example`, acquisitionChannel: 'WEB' } })).data!.createCustomer.id;
  const grant = async (customerId: string, partnerId: string) => ok(await ask(GrantConsentDocument, { input: { customerId, purposeCode: 'PARTNER_SHARING', partnerId, channel: 'WEB' } }));
  const withdraw = async (customerId: string, partnerId: string) => ok(await ask(WithdrawConsentDocument, { input: { customerId, purposeCode: 'PARTNER_SHARING', partnerId, channel: 'WEB' } }));
  const rename = async (id: string, givenName: string) => ok(await ask(UPDATE_CUSTOMER, { id, input: { givenName } }));
  const subscribe = async (headers: Record<string, string>, url: string, eventTypes: string[]) => {
    const created = ok(await ask(SUBSCRIBE, { input: { url, eventTypes } }, headers)).data as { createWebhookSubscription: { secret: string; subscription: { id: string } } };
    secrets.set(created.createWebhookSubscription.subscription.id, created.createWebhookSubscription.secret);
    return created.createWebhookSubscription;
  };
  const subscriptionsOf = async (headers: Record<string, string>) => (ok(await ask(LIST, {}, headers)).data as { webhookSubscriptions: { id: string; url: string }[] }).webhookSubscriptions;
  const PARTNER_EVENTS = ['customer.updated', 'order.recorded', 'consent.withdrawn', 'customer.erased'];

  beforeAll(async () => {
    // Deliveries are sent by hand (drain) and retried quickly; the platform runs with NODE_ENV=test, so loopback endpoints are allowed.
    Object.assign(process.env, { WEBHOOK_POLL_MS: '0', WEBHOOK_RETRY_BASE_MS: '10', WEBHOOK_RETRY_MAX_MS: '10', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '3000' });
    [receiverA, receiverB, receiverC, internal] = await Promise.all([startReceiver(), startReceiver(), startReceiver(), startReceiver()]);
    platform = await startTestPlatform({ demo: DEMO, events: { natsStream: 'unused', natsSubjectPrefix: 'unused', pollMs: 0, batchSize: 100, retry: { baseMs: 10, maxMs: 10, maxAttempts: 3 } } });
    partnerA = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER_A });
    partnerB = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER_B });
    partnerC = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER_C });
    privacyStaff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'customers:read customers.pii:read privacy:admin' });
    await drain(); // the demo data's own events, before anyone subscribed
    subscriptionOf.set(PARTNER_A, (await subscribe(partnerA, receiverA.url, PARTNER_EVENTS)).subscription.id);
    subscriptionOf.set(PARTNER_B, (await subscribe(partnerB, receiverB.url, PARTNER_EVENTS)).subscription.id);
    subscriptionOf.set(PARTNER_C, (await subscribe(partnerC, receiverC.url, PARTNER_EVENTS)).subscription.id);
    subscriptionOf.set('internal', (await subscribe(privacyStaff, internal.url, ['customer.created'])).subscription.id);
  }, 240_000);
  afterAll(async () => {
    await platform?.close();
    await Promise.all([receiverA, receiverB, receiverC, internal].map((r) => r?.close()));
    process.env = env;
  });

  it('a partner sees and manages only its own subscriptions; another partner’s id is NOT_FOUND like an unknown one', async () => {
    const listed = ok(await ask(LIST, {}, partnerA)).data as { webhookSubscriptions: { id: string; partnerId: string; url: string }[] };
    expect(listed.webhookSubscriptions).toEqual([expect.objectContaining({ id: subscriptionOf.get(PARTNER_A), partnerId: PARTNER_A, url: receiverA.url })]);
    const staffList = ok(await ask(LIST, {}, privacyStaff)).data as { webhookSubscriptions: { id: string; partnerId: string | null }[] };
    expect(staffList.webhookSubscriptions).toEqual([expect.objectContaining({ id: subscriptionOf.get('internal'), partnerId: null })]);
    for (const doc of [ROTATE, DISABLE]) {
      const foreign = await ask(doc, { id: subscriptionOf.get(PARTNER_A) }, partnerB);
      const unknown = await ask(doc, { id: NOBODY }, partnerB);
      expect(foreign.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(foreign.errors![0].message).toBe(unknown.errors![0].message);
      expect(JSON.stringify(foreign.errors)).not.toContain(subscriptionOf.get(PARTNER_A));
    }
    // A plain internal app manages nothing; a refused URL is not echoed.
    const plain = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'crm', scope: 'customers:read' });
    expect((await ask(LIST, {}, plain)).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const refused = await ask(SUBSCRIBE, { input: { url: 'ftp://secret-host.example/x', eventTypes: ['customer.updated'] } }, partnerA);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(refused.errors)).not.toContain('secret-host');
    // Still untouched by B's attempts.
    expect((ok(await ask(LIST, {}, partnerA)).data as { webhookSubscriptions: { disabledAt: string | null }[] }).webhookSubscriptions[0].disabledAt).toBeNull();
  });

  it('a customer who granted the partner: the event arrives signed, with only the categories the grant covers, and the disclosure ledger records it', async () => {
    const granted = await createCustomer('Greta');
    await grant(granted, PARTNER_A);
    await rename(granted, 'Margareta');
    const product = demoProducts(DEMO).find((p) => p.stockLevel > 20)!;
    ok(await ask(RecordOrderDocument, { input: { customerId: granted, sourceSystem: 'webshop', externalId: `hook-${granted}`, channel: 'WEB', currency: product.currency, lines: [{ sku: product.sku, quantity: 1 }] } }));
    await drain();

    const got = receiverA.about(granted);
    // PARTNER_SHARING covers IDENTITY, not FINANCIAL: the update is shared, the order is not.
    expect(got.map((d) => d.event.type)).toEqual(['customer.updated']);
    const [delivery] = got;
    expect(verifies(secrets.get(subscriptionOf.get(PARTNER_A)!)!, delivery)).toBe(true);
    expect(verifies(secrets.get(subscriptionOf.get(PARTNER_B)!)!, delivery)).toBe(false);
    expect(delivery.headers['webhook-id']).toBe(delivery.event.id);
    expect(delivery.event).toEqual({ id: expect.any(String), type: 'customer.updated', version: 1, occurredAt: expect.any(String), customerId: granted, payload: { customerId: granted, fields: ['givenName'] } });
    expect(delivery.body).not.toMatch(/Margareta|Greta|hooks\.example/);
    expect(receiverB.about(granted)).toEqual([]);
    expect(receiverC.about(granted)).toEqual([]);

    const ledger = ok(await ask(DISCLOSURES, { id: granted }, privacyStaff)).data as { customer: { disclosures: { edges: { node: { subgraph: string; categories: string[]; purposeCode: string; consentEventIds: string[]; partner: { id: string } | null } }[] } } };
    const webhookEntries = ledger.customer.disclosures.edges.map((e) => e.node).filter((n) => n.subgraph === 'webhooks');
    expect(webhookEntries).toEqual([{ subgraph: 'webhooks', categories: ['IDENTITY'], purposeCode: 'PARTNER_SHARING', consentEventIds: [expect.any(String)], partner: { id: PARTNER_A } }]);
  });

  it('customer.updated names to a partner only the changed fields its consent covers (PARTNER_SHARING: no LOCATION)', async () => {
    const moving = await createCustomer('Mona');
    await grant(moving, PARTNER_A);
    const address = { line1: '1 Harbour Street', city: 'Bergen', postalCode: '5003', countryCode: 'NO' };
    ok(await ask(UPDATE_CUSTOMER, { id: moving, input: { givenName: 'Monika', address } }));
    ok(await ask(UPDATE_CUSTOMER, { id: moving, input: { address: { ...address, line1: '2 Harbour Street' } } })); // only withheld fields
    await drain();
    const got = receiverA.about(moving);
    expect(got.map((d) => d.event.payload)).toEqual([{ customerId: moving, fields: ['givenName'] }]);
    expect(verifies(secrets.get(subscriptionOf.get(PARTNER_A)!)!, got[0])).toBe(true);
    expect(got[0].body).not.toMatch(/city|postalCode|countryCode|addressLine/);
    // The outbox itself keeps every field name (internal consumers are not narrowed).
    const [stored]: { fields: string[] }[] = await platform.subgraphs.find((s) => s.name === 'customers')!.dataSource.query(
      `SELECT payload->'fields' AS fields FROM customers.outbox WHERE id = $1`,
      [got[0].event.id],
    );
    expect(typeof stored.fields === 'string' ? JSON.parse(stored.fields) : stored.fields).toEqual(expect.arrayContaining(['givenName', 'city', 'countryCode']));
    const ledger = ok(await ask(DISCLOSURES, { id: moving }, privacyStaff)).data as { customer: { disclosures: { edges: { node: { subgraph: string; categories: string[] } }[] } } };
    expect(ledger.customer.disclosures.edges.map((e) => e.node).filter((n) => n.subgraph === 'webhooks').map((n) => n.categories)).toEqual([['IDENTITY']]);
  });

  it('a customer who did not grant the partner: nothing is delivered once every outbox and delivery has drained', async () => {
    const silent = await createCustomer('Silas');
    await grant(silent, PARTNER_B); // a grant to someone else does not count
    await rename(silent, 'Silvester');
    await drain();
    expect(receiverA.about(silent)).toEqual([]);
    expect(receiverC.about(silent)).toEqual([]);
    expect(receiverB.about(silent).map((d) => d.event.type)).toEqual(['customer.updated']);
    const [{ n }]: { n: number }[] = await platform.subgraphs.find((s) => s.name === 'consent')!.dataSource.query(
      `SELECT count(*)::int AS n FROM consent.webhook_delivery WHERE customer_id = $1 AND subscription_id = ANY($2::uuid[])`,
      [silent, [subscriptionOf.get(PARTNER_A), subscriptionOf.get(PARTNER_C)]],
    );
    expect(n).toBe(0); // not even stored for them
  });

  it('a withdrawal sends consent.withdrawn to the partner that received the customer’s data, and to no one who did not', async () => {
    const leaving = await createCustomer('Lea');
    const quiet = await createCustomer('Quinn');
    await grant(leaving, PARTNER_A);
    await grant(quiet, PARTNER_A);
    await rename(leaving, 'Leah');
    await drain();
    expect(receiverA.about(leaving).map((d) => d.event.type)).toEqual(['customer.updated']);

    await withdraw(leaving, PARTNER_A);
    await withdraw(quiet, PARTNER_A); // granted, but A never received anything about Quinn
    await rename(leaving, 'Leia'); // after the withdrawal: not shared any more
    await drain();
    expect(receiverA.about(leaving).map((d) => d.event.type)).toEqual(['customer.updated', 'consent.withdrawn']);
    const notice = receiverA.about(leaving)[1];
    expect(notice.event.payload).toMatchObject({ partnerId: PARTNER_A, status: 'WITHDRAWN' });
    expect(verifies(secrets.get(subscriptionOf.get(PARTNER_A)!)!, notice)).toBe(true);
    expect(receiverA.about(quiet)).toEqual([]);
    expect(receiverB.about(leaving)).toEqual([]);
  });

  it('an erasure sends customer.erased to every partner that received the customer’s data before, and to no other', async () => {
    const erased = await createCustomer('Erik');
    await grant(erased, PARTNER_A);
    await grant(erased, PARTNER_B);
    await rename(erased, 'Erika');
    await drain();
    expect(receiverA.about(erased).map((d) => d.event.type)).toEqual(['customer.updated']);
    expect(receiverB.about(erased).map((d) => d.event.type)).toEqual(['customer.updated']);

    expect(ok(await ask(RequestErasureDocument, { customerId: erased }, privacyStaff)).data!.requestErasure.status).toBe('DONE');
    await drain();
    for (const receiver of [receiverA, receiverB]) {
      const notices = receiver.about(erased).filter((d) => d.event.type === 'customer.erased');
      expect(notices).toHaveLength(1);
      expect(notices[0].event.payload).toEqual({ customerId: erased });
    }
    expect(receiverC.about(erased)).toEqual([]);
    // Delivered, the notices keep no trace of whom they were about.
    const [{ n }]: { n: number }[] = await platform.subgraphs.find((s) => s.name === 'consent')!.dataSource.query(`SELECT count(*)::int AS n FROM consent.webhook_delivery WHERE customer_id = $1 OR event::text LIKE '%' || $1 || '%'`, [erased]);
    expect(n).toBe(0);
  });

  it('after a merge, deletion notices reach a partner that knew the person only under the retired id, named by that id', async () => {
    const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'service-desk', scope: 'customers:read customers.pii:read customers:write customers:merge consent:read consent:write' });
    const [survivor, retired] = [await createCustomer('Mara'), await createCustomer('Marah')];
    // Both profiles granted A (so the survivor's grant stands after the merge); A received data about the retired id only.
    await grant(survivor, PARTNER_A);
    await grant(retired, PARTNER_A);
    await rename(retired, 'Marha');
    await drain();
    expect(receiverA.about(retired).map((d) => d.event.type)).toEqual(['customer.updated']);
    expect(ok(await ask(MergeCustomersDocument, { survivorId: survivor, mergedId: retired }, staff)).data!.mergeCustomers.state).toBe('MERGED');

    await withdraw(survivor, PARTNER_A);
    await drain();
    expect(receiverA.about(retired).map((d) => d.event.type)).toEqual(['customer.updated', 'consent.withdrawn']);
    expect(receiverA.about(retired)[1].event.payload).toMatchObject({ partnerId: PARTNER_A, status: 'WITHDRAWN' });
    // Named by the id A knows: nothing tells A of the survivor's id (the merge link is not A's to learn).
    expect(receiverA.about(survivor)).toEqual([]);
    expect(JSON.stringify(receiverA.requests)).not.toContain(survivor);

    expect(ok(await ask(RequestErasureDocument, { customerId: survivor }, privacyStaff)).data!.requestErasure.status).toBe('DONE');
    await drain();
    const erased = receiverA.about(retired).filter((d) => d.event.type === 'customer.erased');
    expect(erased.map((d) => d.event.payload)).toEqual([{ customerId: retired }]);
    expect(receiverA.about(survivor)).toEqual([]);
    for (const receiver of [receiverB, receiverC]) expect([...receiver.about(retired), ...receiver.about(survivor)]).toEqual([]);
  });

  it('a partner that knew a merged person under two retired ids gets a withdrawal notice naming each, with a webhook-id of its own', async () => {
    const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'service-desk', scope: 'customers:read customers.pii:read customers:write customers:merge consent:read consent:write' });
    const [survivor, first, second] = [await createCustomer('Lenka'), await createCustomer('Lena'), await createCustomer('Lene')];
    for (const id of [survivor, first, second]) await grant(id, PARTNER_A);
    await rename(first, 'Lenna');
    await rename(second, 'Lenne');
    await drain();
    for (const id of [first, second]) expect(receiverA.about(id).map((d) => d.event.type)).toEqual(['customer.updated']);
    for (const mergedId of [first, second]) expect(ok(await ask(MergeCustomersDocument, { survivorId: survivor, mergedId }, staff)).data!.mergeCustomers.state).toBe('MERGED');

    await withdraw(survivor, PARTNER_A);
    await drain();
    const notices = [first, second].map((id) => receiverA.about(id).filter((d) => d.event.type === 'consent.withdrawn'));
    expect(notices.map((n) => n.length)).toEqual([1, 1]);
    expect(notices[0][0].headers['webhook-id']).not.toBe(notices[1][0].headers['webhook-id']);
    expect(notices.map((n) => n[0].event.id)).toEqual(notices.map((n) => n[0].headers['webhook-id']));
    expect(JSON.stringify(receiverA.requests)).not.toContain(survivor);
    for (const receiver of [receiverB, receiverC]) expect([first, second, survivor].flatMap((id) => receiver.about(id))).toEqual([]);
  });

  it('a failed delivery is retried with the same webhook-id; after the limit it is a dead letter staff can see and replay', async () => {
    let failures = 2;
    internal.answer(() => (failures-- > 0 ? 503 : 204));
    const retried = await createCustomer('Rita');
    for (let i = 0; i < 20 && internal.about(retried).length < 3; i++) {
      await drain();
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const attempts = internal.about(retried);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    for (const attempt of attempts) expect(verifies(secrets.get(subscriptionOf.get('internal')!)!, attempt)).toBe(true);

    internal.answer(() => 500);
    const dead = await createCustomer('Dora');
    const consent = platform.subgraphs.find((s) => s.name === 'consent')!;
    const deadCount = async () => ((await consent.dataSource.query(`SELECT count(*)::int AS n FROM consent.webhook_delivery WHERE dead`)) as { n: number }[])[0].n;
    for (let i = 0; i < 20 && (await deadCount()) === 0; i++) {
      await drain();
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    expect(internal.about(dead)).toHaveLength(3);
    const letters = (ok(await ask(DEAD, {}, privacyStaff)).data as { webhookDeliveryDeadLetters: { id: string; subscriptionId: string; eventId: string; type: string; attempts: number; lastError: string }[] }).webhookDeliveryDeadLetters;
    expect(letters).toEqual([{ id: expect.any(String), subscriptionId: subscriptionOf.get('internal'), eventId: internal.about(dead)[0].event.id, type: 'customer.created', attempts: 3, lastError: 'receiver answered 500' }]);
    expect((await ask(DEAD, {}, partnerA)).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    internal.answer(() => 204);
    expect(ok(await ask(REPLAY, { ids: [letters[0].id] }, privacyStaff)).data).toEqual({ replayWebhookDeliveries: 1 });
    await drain();
    expect(internal.about(dead)).toHaveLength(4);
    expect(new Set(internal.about(dead).map((a) => a.headers['webhook-id']))).toEqual(new Set([letters[0].eventId]));
    expect(await deadCount()).toBe(0);
  });

  it('the newer event types reach a partner only as their categories allow: a merge needs the survivor’s consent and goes only to a partner that knew the retired id, a partner event goes to its partner, segment memberships never', async () => {
    const newer = ['customer.merged', 'customer.unmerged', 'partner.deactivated', 'partner.reactivated', 'segment.entered', 'offer.picked', 'offer.response_recorded'];
    const [newerB, newerC] = [await startReceiver(), await startReceiver()];
    try {
      await subscribe(partnerB, newerB.url, newer);
      await subscribe(partnerC, newerC.url, newer);
      const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'service-desk', scope: 'customers:read customers.pii:read customers:write customers:merge orders:read offers:read consent:read consent:write' });
      const [survivor, retired, stranger] = [await createCustomer('Sven'), await createCustomer('Svenja'), await createCustomer('Stan')];
      for (const id of [survivor, retired]) await grant(id, PARTNER_B);
      await grant(retired, PARTNER_C); // only the retired profile granted C: merged, the most restrictive consent of the two holds
      await grant(stranger, PARTNER_C);
      await drain();
      // B reads the retired profile (its identity is released to B): B now knows that id. C never read it.
      const read = ok(await ask(READ_NAME, { id: retired }, partnerB)).data as { customer: { displayName: string } | null };
      expect(read.customer?.displayName).toMatch(/^Svenja/);
      const merged = ok(await ask(MergeCustomersDocument, { survivorId: survivor, mergedId: retired }, staff)).data!.mergeCustomers;
      expect(merged.state).toBe('MERGED');
      const admin = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'partner-desk', scope: 'privacy:admin' });
      ok(await ask(SetPartnerActiveDocument, { id: PARTNER_C, active: false }, admin));
      ok(await ask(SetPartnerActiveDocument, { id: PARTNER_C, active: true }, admin));
      await drain();

      expect(newerB.requests.map((d) => [d.event.type, d.event.customerId, d.event.payload])).toEqual([['customer.merged', retired, { mergeId: merged.id, survivorId: survivor, mergedId: retired }]]);
      expect(verifies(secrets.get((await subscriptionsOf(partnerB)).find((s) => s.url === newerB.url)!.id)!, newerB.requests[0])).toBe(true);
      expect(newerC.requests.map((d) => [d.event.type, d.event.customerId, d.event.payload])).toEqual([
        ['partner.deactivated', null, { partnerId: PARTNER_C }],
        ['partner.reactivated', null, { partnerId: PARTNER_C }],
      ]);
      // The survivor's disclosure ledger shows the merge B received (its identity was disclosed too).
      const ledger = ok(await ask(DISCLOSURES, { id: survivor }, privacyStaff)).data as { customer: { disclosures: { edges: { node: { subgraph: string; categories: string[]; partner: { id: string } | null } }[] } } };
      const webhook = ledger.customer.disclosures.edges.map((e) => e.node).filter((n) => n.subgraph === 'webhooks');
      expect(webhook.map((n) => [n.categories, n.partner?.id])).toContainEqual([['IDENTITY'], PARTNER_B]);
      expect(webhook.some((n) => n.partner?.id === PARTNER_C)).toBe(false);
      // ...and so does the retired id's: a later deletion notice about either id reaches B.
      const retiredLedger = ok(await ask(DISCLOSURES, { id: retired }, privacyStaff)).data as { customer: { disclosures: { edges: { node: { subgraph: string; categories: string[]; partner: { id: string } | null } }[] } } | null };
      const retiredWebhook = (retiredLedger.customer?.disclosures.edges ?? []).map((e) => e.node).filter((n) => n.subgraph === 'webhooks');
      expect(retiredWebhook.map((n) => [n.categories, n.partner?.id])).toContainEqual([['IDENTITY'], PARTNER_B]);
    } finally {
      await Promise.all([newerB.close(), newerC.close()]);
    }
  });

  it('a rotated secret signs beside the old one during the overlap; a disabled subscription receives nothing more', async () => {
    const id = subscriptionOf.get(PARTNER_A)!;
    const rotated = (ok(await ask(ROTATE, { id }, partnerA)).data as { rotateWebhookSubscriptionSecret: { secret: string; subscription: { previousSecretValidUntil: string } } }).rotateWebhookSubscriptionSecret;
    expect(rotated.secret).not.toBe(secrets.get(id));
    expect(new Date(rotated.subscription.previousSecretValidUntil).getTime()).toBeGreaterThan(Date.now());
    const customer = await createCustomer('Rosa');
    await grant(customer, PARTNER_A);
    await rename(customer, 'Rosalind');
    await drain();
    const [delivery] = receiverA.about(customer);
    expect(String(delivery.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifies(rotated.secret, delivery)).toBe(true);
    expect(verifies(secrets.get(id)!, delivery)).toBe(true);

    ok(await ask(DISABLE, { id }, partnerA));
    await rename(customer, 'Rosamund');
    await drain();
    expect(receiverA.about(customer)).toHaveLength(1);
  });
});
