import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { EVENT_TYPES, EVENT_VERSIONS, type EventEnvelope, type EventSink } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { ActiveOffersDocument, CreateCustomerDocument, MergeCustomersDocument, RecordOfferResponsesDocument, RequestErasureDocument, SetPartnerActiveDocument, UnmergeCustomersDocument } from '../generated/graphql';
import { postGraphQL } from '../support/graphql-client';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';

const DEMO = { seed: 16, customers: 4 };
const PARTNER = 'partner-nordic-travel';
const MERGE_SCOPES = 'customers:read customers.pii:read customers:write customers:merge orders:read offers:read consent:read consent:write';
const NATS_URL = process.env.NATS_TEST_URL ?? 'nats://127.0.0.1:4222';
const SCHEMAS = join(__dirname, '..', '..', '..', 'schema', 'events');
const Ajv = require('ajv') as typeof import('ajv'); // eslint-disable-line @typescript-eslint/no-require-imports
const ajv = new Ajv({ allErrors: true, format: 'full' });
const schemaOf = (name: string) => ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, `${name}.json`), 'utf8')) as object);
const validEnvelope = schemaOf('envelope.v1');
const validPayload = Object.fromEntries(EVENT_TYPES.map((type) => [type, schemaOf(`${type}.v${EVENT_VERSIONS[type]}`)]));
const schemaErrors = (event: EventEnvelope) => [...(validEnvelope(event) ? [] : (validEnvelope.errors ?? [])), ...(validPayload[event.type](event.payload) ? [] : (validPayload[event.type].errors ?? []))];

function natsReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

describe(`merge, partner and offer-pick events, through the gateway to a sink and NATS JetStream (${storageLabel()})`, () => {
  let platform: TestPlatform;
  const received: EventEnvelope[] = [];
  const sink: EventSink = {
    name: 'recording',
    async deliver(event) {
      received.push(event);
    },
  };
  const tag = `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const stream = `C360_TEST_${tag}`;
  const subjectPrefix = `c360test.${tag}`;
  let nats: { nc: NatsConnection; jsm: JetStreamManager } | null = null;
  const ask = <T, V>(doc: Parameters<typeof postGraphQL<T, V>>[1], variables: V, headers = platform.internal) => postGraphQL(platform.gatewayUrl, doc, variables, headers);
  const ok = <T extends { errors?: unknown }>(r: T) => {
    expect(r.errors).toBeUndefined();
    return r;
  };
  const drainAll = () => Promise.all(platform.subgraphs.map((s) => s.events.runOnce()));
  const newCustomer = async (givenName: string) => ok(await ask(CreateCustomerDocument, { input: { givenName, familyName: 'Eventson', acquisitionChannel: 'WEB' } })).data!.createCustomer.id;

  beforeAll(async () => {
    const withNats = await natsReachable(NATS_URL);
    if (!withNats) console.warn(`NATS part skipped: no server at ${NATS_URL}`);
    platform = await startTestPlatform({
      demo: DEMO,
      eventSinks: [sink],
      events: { natsUrl: withNats ? NATS_URL : undefined, natsStream: stream, natsSubjectPrefix: subjectPrefix, pollMs: 0, batchSize: 500, retry: { baseMs: 10, maxMs: 10, maxAttempts: 3 } },
    });
    if (withNats) {
      const nc = await connect({ servers: NATS_URL });
      nats = { nc, jsm: await jetstreamManager(nc) };
    }
    await drainAll(); // the demo data's own events
    received.length = 0;
  }, 300_000); // the whole platform on a shared, loaded machine
  afterAll(async () => {
    await platform?.close();
    if (nats) {
      await nats.jsm.streams.delete(stream).catch(() => undefined);
      await nats.nc.close();
    }
  });

  it('a merge and its undo each send one event about the retired id, naming the survivor, in order after what came before', async () => {
    const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'service-desk', scope: MERGE_SCOPES });
    const [a, b] = [await newCustomer('Survi'), await newCustomer('Mergea')];
    const merge = ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, staff)).data!.mergeCustomers;
    expect(merge.state).toBe('MERGED');
    ok(await ask(UnmergeCustomersDocument, { mergeId: merge.id }, staff));
    ok(await ask(UnmergeCustomersDocument, { mergeId: merge.id }, staff)); // asked again: nothing more happens, no second event
    await drainAll();

    const payload = { mergeId: merge.id, survivorId: a, mergedId: b };
    expect(received.filter((e) => e.customerId === b).map((e) => [e.type, e.payload])).toEqual([
      ['customer.created', { customerId: b }],
      ['customer.merged', payload],
      ['customer.unmerged', payload],
    ]);
    expect(JSON.stringify(received)).not.toMatch(/Survi|Mergea|Eventson/);
  });

  it('deactivating and reactivating a partner each send one event without a customer; setting the same state again sends none', async () => {
    const admin = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'partner-desk', scope: 'privacy:admin' });
    ok(await ask(SetPartnerActiveDocument, { id: PARTNER, active: false }, admin));
    ok(await ask(SetPartnerActiveDocument, { id: PARTNER, active: false }, admin));
    ok(await ask(SetPartnerActiveDocument, { id: PARTNER, active: true }, admin));
    await drainAll();
    expect(received.filter((e) => e.type.startsWith('partner.')).map((e) => [e.type, e.customerId, e.payload])).toEqual([
      ['partner.deactivated', null, { partnerId: PARTNER }],
      ['partner.reactivated', null, { partnerId: PARTNER }],
    ]);
  });

  it('a SHOWN response records the pick (offer.picked) beside offer.response_recorded; other responses record no pick', async () => {
    const id = await newCustomer('Picky');
    const offerId = ok(await ask(ActiveOffersDocument, {})).data!.offers!.edges[0].node.id;
    const recorded = ok(
      await ask(RecordOfferResponsesDocument, {
        inputs: [
          { eventId: `pick-${id}-1`, offerId, customerId: id, type: 'SHOWN', channel: 'WEB' },
          { eventId: `pick-${id}-2`, offerId, customerId: id, type: 'CLICKED', channel: 'WEB' },
        ],
      }),
    ).data!.recordOfferResponses;
    // A replayed response is no new pick.
    ok(await ask(RecordOfferResponsesDocument, { inputs: [{ eventId: `pick-${id}-1`, offerId, customerId: id, type: 'SHOWN', channel: 'WEB' }] }));
    await drainAll();
    const [shownId, clickedId] = recorded.map((r) => r.id); // in input order
    expect(received.filter((e) => e.customerId === id && e.type.startsWith('offer.')).map((e) => [e.type, e.payload])).toEqual([
      ['offer.response_recorded', { responseId: shownId, offerId, type: 'SHOWN' }],
      ['offer.picked', { responseId: shownId, offerId }],
      ['offer.response_recorded', { responseId: clickedId, offerId, type: 'CLICKED' }],
    ]);
  });

  it('every event follows its documented schema, and each new type reached its NATS subject with its id as the message id', async () => {
    const types = ['customer.merged', 'customer.unmerged', 'partner.deactivated', 'partner.reactivated', 'offer.picked'];
    for (const type of types) expect(received.some((e) => e.type === type)).toBe(true);
    for (const event of received) expect({ type: event.type, errors: schemaErrors(event) }).toEqual({ type: event.type, errors: [] });
    if (!nats) return;
    for (const type of types) {
      const message = await nats.jsm.streams.getMessage(stream, { last_by_subj: `${subjectPrefix}.${type}` });
      const event = message!.json<EventEnvelope>();
      expect(event).toEqual(received.filter((e) => e.type === type).at(-1));
      expect(message!.header.get('Nats-Msg-Id')).toBe(event.id);
    }
  });

  it("erasing the survivor after an undone merge leaves no event naming it in the customers subgraph's outbox", async () => {
    const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'service-desk', scope: MERGE_SCOPES });
    const privacy = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'customers:read customers.pii:read privacy:admin' });
    const [a, b] = [await newCustomer('Later'), await newCustomer('Gone')];
    const merge = ok(await ask(MergeCustomersDocument, { survivorId: a, mergedId: b }, staff)).data!.mergeCustomers;
    ok(await ask(UnmergeCustomersDocument, { mergeId: merge.id }, staff));
    await drainAll();
    expect(ok(await ask(RequestErasureDocument, { customerId: a }, privacy)).data!.requestErasure.status).toBe('DONE');
    await drainAll();
    const customers = platform.subgraphs.find((s) => s.name === 'customers')!;
    const [left]: { n: number }[] = await customers.dataSource.query(`SELECT count(*)::int AS n FROM customers.outbox WHERE customer_id = $1 OR payload::text LIKE '%' || $1 || '%'`, [a]);
    expect(left.n).toBe(0);
  });
});
