import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { demoProducts, EVENT_TYPES, EVENT_VERSIONS, type EventEnvelope, type EventSink } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { ActiveOffersDocument, AdjustStockDocument, CreateCustomerDocument, GrantConsentDocument, RecordOfferResponsesDocument, RecordOrderDocument, RequestErasureDocument, WithdrawConsentDocument } from '../generated/graphql';
import { postGraphQL } from '../support/graphql-client';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';

const DEMO = { seed: 15, customers: 4 };
const PARTNER = 'partner-nordic-travel';
const UPDATE_CUSTOMER = parse(`mutation ($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }`);
const SCHEMAS = join(__dirname, '..', '..', '..', 'schema', 'events');
const Ajv = require('ajv') as typeof import('ajv'); // eslint-disable-line @typescript-eslint/no-require-imports
const ajv = new Ajv({ allErrors: true, format: 'full' });
const schemaOf = (name: string) => ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, `${name}.json`), 'utf8')) as object);
const validEnvelope = schemaOf('envelope.v1');
const validPayload = Object.fromEntries(EVENT_TYPES.map((type) => [type, schemaOf(`${type}.v${EVENT_VERSIONS[type]}`)]));
/** The schema errors of an event (envelope, then its type's payload); [] when it follows both. */
const schemaErrors = (event: EventEnvelope) => [...(validEnvelope(event) ? [] : (validEnvelope.errors ?? [])), ...(validPayload[event.type](event.payload) ? [] : (validPayload[event.type].errors ?? []))];
const SET_ORDER_STATUS = parse(`mutation ($id: ID!) { setOrderStatus(id: $id, status: REFUNDED) { id status } }`);

describe(`events from the write paths, through the gateway (${storageLabel()})`, () => {
  let platform: TestPlatform;
  const received: EventEnvelope[] = [];
  /** Receivers down for these event types: their events fail every attempt. */
  const failing = new Set<string>();
  const sink: EventSink = {
    name: 'recording',
    async deliver(event) {
      if (failing.has(event.type)) throw new Error('receiver answered 503');
      received.push(event);
    },
  };
  const ask = <T, V>(doc: Parameters<typeof postGraphQL<T, V>>[1], variables: V, headers = platform.internal) => postGraphQL(platform.gatewayUrl, doc, variables, headers);
  const ok = <T extends { errors?: unknown }>(r: T) => {
    expect(r.errors).toBeUndefined();
    return r;
  };
  const drainAll = () => Promise.all(platform.subgraphs.map((s) => s.events.runOnce()));
  const about = (customerId: string) => received.filter((e) => e.customerId === customerId);

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO, eventSinks: [sink], events: { natsStream: 'unused', natsSubjectPrefix: 'unused', pollMs: 0, batchSize: 100, retry: { baseMs: 10, maxMs: 10, maxAttempts: 3 } } });
    await drainAll(); // the demo data's own events
    received.length = 0;
  });
  afterAll(() => platform.close());

  it('each committed change reaches the sinks as one versioned event, in order per customer, carrying ids and no profile values', async () => {
    const created = ok(await ask(CreateCustomerDocument, { input: { givenName: 'Ivo', familyName: 'Outboxson', email: 'ivo@events.example', acquisitionChannel: 'WEB' } }));
    const id = created.data!.createCustomer.id;
    ok(await ask(UPDATE_CUSTOMER, { id, input: { givenName: 'Ivanhoe' } }));
    ok(await ask(GrantConsentDocument, { input: { customerId: id, purposeCode: 'PARTNER_SHARING', partnerId: PARTNER, channel: 'WEB' } }));
    const product = demoProducts(DEMO).find((x) => x.stockLevel > 20)!;
    const order = ok(await ask(RecordOrderDocument, { input: { customerId: id, sourceSystem: 'webshop', externalId: 'evt-1', channel: 'WEB', currency: product.currency, lines: [{ sku: product.sku, quantity: 1 }] } }));
    const orderId = (order.data as { recordOrder: { id: string } }).recordOrder.id;
    ok(await ask(SET_ORDER_STATUS, { id: orderId }));
    const offers = ok(await ask(ActiveOffersDocument, {}));
    ok(await ask(RecordOfferResponsesDocument, { inputs: [{ eventId: `evt-resp-${id}`, offerId: offers.data!.offers!.edges[0].node.id, customerId: id, type: 'SHOWN', channel: 'WEB' }] }));
    ok(await ask(WithdrawConsentDocument, { input: { customerId: id, purposeCode: 'PARTNER_SHARING', partnerId: PARTNER, channel: 'WEB' } }));
    ok(await ask(AdjustStockDocument, { movements: [{ movementId: 'evt-mv-1', sku: product.sku, delta: 5, occurredAt: new Date(Date.now() - 1000).toISOString() }] }, await platform.tokens.headers(CallerKind.ERP_INTEGRATION)));
    // A rejected change writes no event.
    expect((await ask(UPDATE_CUSTOMER, { id: '00000000-0000-4000-8000-000000000000', input: { givenName: 'Nobody' } })).errors).toBeDefined();
    await drainAll();

    const bySubgraphOrder = about(id).map((e) => e.type);
    expect(bySubgraphOrder.filter((t) => t.startsWith('customer.'))).toEqual(['customer.created', 'customer.updated']);
    expect(bySubgraphOrder.filter((t) => t.startsWith('consent.'))).toEqual(['consent.granted', 'consent.withdrawn']);
    expect(bySubgraphOrder.filter((t) => t.startsWith('order.'))).toEqual(['order.recorded', 'order.status_changed']);
    expect(bySubgraphOrder.filter((t) => t.startsWith('offer.'))).toEqual(['offer.response_recorded', 'offer.picked']);
    expect(about(id).find((e) => e.type === 'customer.updated')!.payload).toEqual({ customerId: id, fields: ['givenName'] });
    expect(about(id).find((e) => e.type === 'order.status_changed')!.payload).toEqual({ orderId, status: 'REFUNDED' });
    expect(about(id).find((e) => e.type === 'consent.withdrawn')!.payload).toMatchObject({ purposeCode: 'PARTNER_SHARING', partnerId: PARTNER, status: 'WITHDRAWN' });
    expect(received.find((e) => e.type === 'stock.level_changed')).toMatchObject({ customerId: null, payload: { skus: [product.sku], source: 'MOVEMENT' } });
    expect(received.filter((e) => e.customerId === '00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(JSON.stringify(received)).not.toMatch(/Outboxson|ivo@events|Ivanhoe/);
    for (const event of received) expect(event).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), type: expect.any(String), version: 1, occurredAt: expect.any(String), customerId: event.customerId, payload: expect.any(Object) });
    expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
    // Every event follows its documented schema (schema/events).
    expect(new Set(received.map((e) => e.type)).size).toBeGreaterThanOrEqual(8);
    for (const event of received) expect({ type: event.type, errors: schemaErrors(event) }).toEqual({ type: event.type, errors: [] });
  });

  it('an erasure sends customer.erased and subject_request.completed, and drops what was still waiting about the customer', async () => {
    const created = ok(await ask(CreateCustomerDocument, { input: { givenName: 'Gone', familyName: 'Soon', acquisitionChannel: 'WEB' } }));
    const id = created.data!.createCustomer.id;
    const privacyStaff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'customers:read customers.pii:read privacy:admin' });
    const erased = ok(await ask(RequestErasureDocument, { customerId: id }, privacyStaff));
    expect(erased.data!.requestErasure.status).toBe('DONE');
    await drainAll();
    // customer.created was still in the outbox (nothing drained it before): the erasure dropped it, so no
    // recipient first learns of a person who is already gone.
    expect(about(id).map((e) => e.type).sort()).toEqual(['customer.erased', 'subject_request.completed']);
    // Delivered, the notice keeps no trace of whom it was about.
    const [left]: { n: number }[] = await platform.subgraphs.find((s) => s.name === 'customers')!.dataSource.query(`SELECT count(*)::int AS n FROM customers.outbox WHERE customer_id = $1 OR payload::text LIKE '%' || $1 || '%'`, [id]);
    expect(left.n).toBe(0);
    for (const event of about(id)) expect(schemaErrors(event)).toEqual([]);
    expect(about(id).find((e) => e.type === 'subject_request.completed')!.payload).toEqual({ requestId: erased.data!.requestErasure.id, kind: 'ERASURE' });
  });

  it('staff list a subgraph\'s dead letters and replay them; other callers cannot', async () => {
    const DEAD = parse(`query { transactionsEventDeadLetters(first: 10) { id type customerId attempts lastError payload } }`);
    const REPLAY = parse(`mutation ($ids: [ID!]) { replayTransactionsEventDeadLetters(ids: $ids) }`);
    const created = ok(await ask(CreateCustomerDocument, { input: { givenName: 'Dee', familyName: 'Letter', acquisitionChannel: 'WEB' } }));
    const id = created.data!.createCustomer.id;
    const product = demoProducts(DEMO).find((x) => x.stockLevel > 20)!;
    failing.add('order.recorded');
    ok(await ask(RecordOrderDocument, { input: { customerId: id, sourceSystem: 'webshop', externalId: 'evt-dead-1', channel: 'WEB', currency: product.currency, lines: [{ sku: product.sku, quantity: 1 }] } }));
    const transactions = platform.subgraphs.find((s) => s.name === 'transactions')!;
    for (let i = 0; i < 20 && (await transactions.events.outbox.deadLetters(10)).length === 0; i++) {
      await transactions.events.runOnce();
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'privacy:admin' });
    const listed = ok(await ask(DEAD, {}, staff)).data as { transactionsEventDeadLetters: { id: string; type: string; customerId: string; attempts: number; lastError: string }[] };
    expect(listed.transactionsEventDeadLetters).toEqual([expect.objectContaining({ type: 'order.recorded', customerId: id, attempts: 3, lastError: 'receiver answered 503' })]);
    const partner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: PARTNER });
    for (const headers of [partner, await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'marketing', scope: 'customers:read orders:read' })]) {
      const denied = await ask(DEAD, {}, headers);
      expect((denied.data as { transactionsEventDeadLetters?: unknown } | null)?.transactionsEventDeadLetters ?? null).toBeNull();
      expect(denied.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(denied)).not.toContain(id);
    }
    expect((await ask(REPLAY, { ids: ['not-a-uuid'] }, staff)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    failing.clear();
    expect((ok(await ask(REPLAY, { ids: [listed.transactionsEventDeadLetters[0].id] }, staff)).data as { replayTransactionsEventDeadLetters: number }).replayTransactionsEventDeadLetters).toBe(1);
    await drainAll();
    expect(about(id).filter((e) => e.type === 'order.recorded').map((e) => e.id)).toEqual([listed.transactionsEventDeadLetters[0].id]);
    expect((ok(await ask(DEAD, {}, staff)).data as { transactionsEventDeadLetters: unknown[] }).transactionsEventDeadLetters).toEqual([]);
  });
});
