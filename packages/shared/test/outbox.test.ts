import { randomUUID } from 'node:crypto';
import { createConnection, createServer as createNetServer, type AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { createServer, type Server } from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import { closeServer, consentRelaySink, purgeCustomerEvents, listen, openServiceDataSource, outboxMigration, OutboxDispatcher, recordEvent, natsSink, webhookSink, RELAY_EVENTS_MUTATION, type EventEnvelope, type EventSink, type PeerClient, type Storage } from '@c360/shared';
import { openTestStorage, storageLabel } from '@c360/shared/testing';

const SCHEMA = 'events_test';
const RETRY = { baseMs: 5, maxMs: 20, maxAttempts: 3 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A sink that records what reached it and fails the events it is told to, a given number of times. */
function recordingSink(failures: Map<string, number> = new Map()): EventSink & { received: EventEnvelope[] } {
  const received: EventEnvelope[] = [];
  return {
    name: 'recording',
    received,
    async deliver(event) {
      const left = failures.get(event.id) ?? 0;
      if (left > 0) {
        failures.set(event.id, left - 1);
        throw new Error('receiver unavailable');
      }
      received.push(event);
    },
  };
}

describe(`transactional outbox (${storageLabel()})`, () => {
  let storage: Storage;
  let db: DataSource;

  beforeAll(async () => {
    storage = await openTestStorage([SCHEMA]);
    db = await openServiceDataSource(storage, { service: SCHEMA, schema: SCHEMA, entities: [], migrations: [outboxMigration(SCHEMA)] });
  });
  afterAll(async () => {
    await db.destroy();
    await storage.close();
  });
  beforeEach(async () => {
    await db.query(`DELETE FROM ${SCHEMA}.outbox`);
  });

  const dispatcher = (sink: EventSink, leaseMs?: number, retry = RETRY) => new OutboxDispatcher(db, { schema: SCHEMA, sinks: [sink], retry, batchSize: 50, pollMs: 0, leaseMs });
  const write = (type: 'order.recorded' | 'customer.updated', customerId: string | null, n: number) =>
    db.transaction((manager) => recordEvent(manager, { type, customerId, payload: { n } }));
  /** Runs the dispatcher until nothing is due or pending retries are exhausted. */
  async function drain(d: OutboxDispatcher, rounds = 40) {
    for (let i = 0; i < rounds; i++) {
      await d.runOnce();
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE delivered_at IS NULL AND NOT dead`)) as { n: number }[];
      if (n === 0) return;
      await sleep(10);
    }
  }

  it('an event commits with its transaction or not at all', async () => {
    const customerId = randomUUID();
    await expect(
      db.transaction(async (manager) => {
        await recordEvent(manager, { type: 'customer.updated', customerId, payload: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const kept = await write('customer.updated', customerId, 1);
    const sink = recordingSink();
    await drain(dispatcher(sink));
    expect(sink.received.map((e) => e.id)).toEqual([kept.id]);
    expect(sink.received[0]).toMatchObject({ type: 'customer.updated', version: 1, customerId, payload: { n: 1 } });
    expect(new Date(sink.received[0].occurredAt).toISOString()).toBe(sink.received[0].occurredAt);
  });

  it('delivers in order per customer: a later event waits while an earlier one retries; other customers go on', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const a1 = await write('order.recorded', a, 1);
    const a2 = await write('order.recorded', a, 2);
    const b1 = await write('order.recorded', b, 1);
    const a3 = await write('order.recorded', a, 3);
    const sink = recordingSink(new Map([[a1.id, 2]]));
    // Retries a second apart: a1 cannot fall due again inside the first runOnce, however slow the engine.
    const d = dispatcher(sink, undefined, { baseMs: 1000, maxMs: 1000, maxAttempts: 5 });
    await d.runOnce();
    expect(sink.received.map((e) => e.id)).toEqual([b1.id]); // a1 failed; a2 and a3 wait behind it
    await drain(d, 600);
    expect(sink.received.filter((e) => e.customerId === a).map((e) => e.payload.n)).toEqual([1, 2, 3]);
    expect(sink.received.map((e) => e.id).sort()).toEqual([a1.id, a2.id, a3.id, b1.id].sort());
  });

  it('retries with backoff, then dead-letters; staff replay delivers it', async () => {
    const customerId = randomUUID();
    const doomed = await write('order.recorded', customerId, 1);
    const sink = recordingSink(new Map([[doomed.id, RETRY.maxAttempts]]));
    const d = dispatcher(sink);
    await drain(d);
    const [dead] = await d.outbox.deadLetters(10);
    expect(dead).toMatchObject({ id: doomed.id, attempts: RETRY.maxAttempts, lastError: 'receiver unavailable', dead: true, deliveredAt: null });
    // A dead letter no longer blocks the customer's later events.
    const later = await write('order.recorded', customerId, 2);
    await drain(d);
    expect(sink.received.map((e) => e.id)).toEqual([later.id]);
    expect(await d.outbox.replay([randomUUID()])).toBe(0);
    expect(await d.outbox.replay([doomed.id])).toBe(1);
    await drain(d);
    expect(sink.received.map((e) => e.id)).toEqual([later.id, doomed.id]);
    expect(await d.outbox.deadLetters(10)).toEqual([]);
  });

  it('the backoff doubles up to its limit', async () => {
    const { retryDelayMs } = await import('@c360/shared');
    const policy = { baseMs: 1000, maxMs: 5000, maxAttempts: 6 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(policy, n))).toEqual([1000, 2000, 4000, 5000, 5000, null]);
  });

  const LEASE_MS = 1_500;
  it('a crash after the commit loses nothing: a new dispatcher delivers what was written, and what a dead one had claimed', async () => {
    const customerId = randomUUID();
    const first = await write('order.recorded', customerId, 1);
    // A dispatcher claims the event and dies before delivering it (its lease runs out).
    // The lease is long enough that a loaded machine still reaches the 'still leased' check inside it.
    const crashed = dispatcher(recordingSink(), LEASE_MS);
    expect((await crashed.outbox.claim(10, LEASE_MS)).map((r) => r.id)).toEqual([first.id]);
    const second = await write('order.recorded', customerId, 2);
    const sink = recordingSink();
    const fresh = dispatcher(sink);
    await fresh.runOnce();
    expect(sink.received).toEqual([]); // still leased: the second waits behind the first
    await sleep(LEASE_MS + 100);
    await drain(fresh);
    expect(sink.received.map((e) => e.id)).toEqual([first.id, second.id]);
  });

  it('two dispatchers at once deliver each event once and keep each customer in order', async () => {
    const customers = [randomUUID(), randomUUID(), randomUUID()];
    for (let n = 1; n <= 6; n++) for (const c of customers) await write('order.recorded', c, n);
    const received: EventEnvelope[] = [];
    const shared: EventSink = {
      name: 'shared',
      async deliver(event) {
        await sleep(1);
        received.push(event);
      },
    };
    const [x, y] = [dispatcher(shared), dispatcher(shared)];
    await Promise.all([drain(x), drain(y)]);
    expect(received).toHaveLength(18);
    expect(new Set(received.map((e) => e.id)).size).toBe(18);
    for (const c of customers) expect(received.filter((e) => e.customerId === c).map((e) => e.payload.n)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  /*
   * Review finding: an erasure drops the customer's undelivered rows, but a row a dispatcher has claimed
   * may be on its way (a lease is no lock); a second dispatcher (another replica) must not deliver the
   * erasure notice before it. The notice waits out the lease of what the erasure dropped.
   */
  it('a deletion notice never overtakes data a dispatcher was already delivering when the erasure committed', async () => {
    const customer = randomUUID();
    await write('customer.updated', customer, 1);
    const arrived: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let claimed!: () => void;
    const inFlight = new Promise<void>((resolve) => (claimed = resolve));
    const slow: EventSink = {
      name: 'slow',
      async deliver(event) {
        claimed();
        await held;
        arrived.push(event.type);
      },
    };
    const fast: EventSink = { name: 'fast', deliver: async (event) => void arrived.push(event.type) };
    const first = dispatcher(slow).runOnce(); // a 30 s lease
    await inFlight;
    await db.transaction(async (manager) => {
      const { noticeNotBefore } = await purgeCustomerEvents(manager, [customer]);
      await recordEvent(manager, { type: 'customer.erased', customerId: customer, payload: { customerId: customer }, notBefore: noticeNotBefore });
    });
    await dispatcher(fast).runOnce(); // another replica, while the data is still on its way: the notice waits
    expect(arrived).toEqual([]);
    release();
    await first;
    await dispatcher(fast).runOnce(); // due as soon as that delivery ended, not at its lease's end
    expect(arrived).toEqual(['customer.updated', 'customer.erased']);
    // A dispatcher that crashed mid-delivery releases nothing: then the lease's end frees the notice.
    const other = randomUUID();
    await write('customer.updated', other, 1);
    await db.query(`UPDATE ${SCHEMA}.outbox SET attempts = 1, next_attempt_at = now() + interval '300 milliseconds' WHERE customer_id = $1`, [other]);
    await db.transaction(async (manager) => {
      const { noticeNotBefore } = await purgeCustomerEvents(manager, [other]);
      await recordEvent(manager, { type: 'customer.erased', customerId: other, payload: { customerId: other }, notBefore: noticeNotBefore });
    });
    await dispatcher(fast).runOnce();
    expect(arrived).toEqual(['customer.updated', 'customer.erased']);
    await sleep(350);
    await dispatcher(fast).runOnce();
    expect(arrived).toEqual(['customer.updated', 'customer.erased', 'customer.erased']);
  });

  describe('batches (the relay to consent)', () => {
    /** A peer client standing in for the consent subgraph: records every call; fails while `down`. */
    function consentPeer() {
      const calls: { query: string; events: EventEnvelope[] }[] = [];
      let down = false;
      const peers: PeerClient = {
        async query<T>(_peer: string, _caller: unknown, query: string, variables: Record<string, unknown> = {}) {
          if (down) throw new Error('consent unreachable');
          calls.push({ query, events: (variables.events as EventEnvelope[] | undefined) ?? [variables.event as EventEnvelope] });
          return {} as T;
        },
      };
      return { peers, calls, setDown: (value: boolean) => (down = value) };
    }

    it('relays a dispatch batch in one peer call, each customer at most once per call and in order across calls', async () => {
      const consent = consentPeer();
      const customers = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      for (let n = 1; n <= 3; n++) for (const c of customers) await write('order.recorded', c, n);
      await write('order.recorded', null, 0); // no customer: unordered, goes with the first batch
      await drain(dispatcher(consentRelaySink('orders', consent.peers)));
      // 13 events, 3 claims (a customer's next event waits for the previous one): 3 calls, not 13.
      expect(consent.calls.map((c) => c.query)).toEqual([RELAY_EVENTS_MUTATION, RELAY_EVENTS_MUTATION, RELAY_EVENTS_MUTATION]);
      expect(consent.calls.map((c) => c.events.length)).toEqual([5, 4, 4]);
      for (const call of consent.calls) {
        const ids = call.events.map((e) => e.customerId).filter((id) => id !== null);
        expect(new Set(ids).size).toBe(ids.length);
      }
      const relayed = consent.calls.flatMap((c) => c.events);
      for (const c of customers) expect(relayed.filter((e) => e.customerId === c).map((e) => e.payload.n)).toEqual([1, 2, 3]);
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE delivered_at IS NULL`)) as { n: number }[];
      expect(n).toBe(0);
    });

    it('a failed batch call loses nothing: every event of it is retried, at least once, still in order per customer', async () => {
      const consent = consentPeer();
      const customerId = randomUUID();
      const first = await write('customer.updated', customerId, 1);
      const second = await write('customer.updated', customerId, 2);
      const other = await write('order.recorded', randomUUID(), 1);
      const d = dispatcher(consentRelaySink('customers', consent.peers), undefined, { baseMs: 150, maxMs: 150, maxAttempts: 3 });
      consent.setDown(true);
      await d.runOnce();
      expect((await d.outbox.byId(first.id))).toMatchObject({ deliveredAt: null, attempts: 1, lastError: 'consent unreachable' });
      expect((await d.outbox.byId(other.id))).toMatchObject({ deliveredAt: null, attempts: 1, lastError: 'consent unreachable' });
      consent.setDown(false);
      await drain(d);
      const relayed = consent.calls.flatMap((c) => c.events.map((e) => e.id));
      expect(relayed.filter((id) => id === first.id || id === second.id)).toEqual([first.id, second.id]);
      expect(relayed).toContain(other.id);
      // A sink without batches still gets one event at a time beside it, and only events every sink accepted are done.
      const single = recordingSink(new Map([[second.id, 1]]));
      await db.query(`UPDATE ${SCHEMA}.outbox SET delivered_at = NULL, attempts = 0, next_attempt_at = now()`);
      consent.calls.length = 0;
      await drain(new OutboxDispatcher(db, { schema: SCHEMA, sinks: [consentRelaySink('customers', consent.peers), single], retry: RETRY, batchSize: 50, pollMs: 0 }));
      expect(single.received.map((e) => e.id).filter((id) => id !== other.id)).toEqual([first.id, second.id]);
      expect(consent.calls.flatMap((c) => c.events.map((e) => e.id)).filter((id) => id === second.id)).toHaveLength(2); // relayed again with the retry (consent stores it once)
    });
  });

  describe('a batch the receiver refuses', () => {
    it('is retried one event at a time, so only the event it refuses fails and its batch-mates are delivered', async () => {
      const calls: number[] = [];
      const peers: PeerClient = {
        async query<T>(_peer: string, _caller: unknown, _query: string, variables: Record<string, unknown> = {}) {
          const events = (variables.events as EventEnvelope[] | undefined) ?? [variables.event as EventEnvelope];
          calls.push(events.length);
          if (events.some((e) => e.payload.poison === true)) throw new Error('refused: bad envelope');
          return {} as T;
        },
      };
      const good = [await write('order.recorded', randomUUID(), 1), await write('order.recorded', randomUUID(), 2)];
      const bad = await db.transaction((manager) => recordEvent(manager, { type: 'order.recorded', customerId: randomUUID(), payload: { poison: true } }));
      const d = dispatcher(consentRelaySink('orders', peers), undefined, { baseMs: 60_000, maxMs: 60_000, maxAttempts: 3 });
      await d.runOnce();
      for (const event of good) expect((await d.outbox.byId(event.id))?.deliveredAt).not.toBeNull();
      expect(await d.outbox.byId(bad.id)).toMatchObject({ deliveredAt: null, attempts: 1, dead: false, lastError: 'refused: bad envelope' });
      expect(calls[0]).toBeGreaterThanOrEqual(3); // the batch first, then each of its events alone
      expect(calls.length).toBe(1 + calls[0]);
      expect(calls.slice(1).every((n) => n === 1)).toBe(true);
    });
  });

  describe('NATS JetStream sink', () => {
    const url = process.env.NATS_TEST_URL ?? 'nats://127.0.0.1:4222';
    let reachable = false;
    beforeAll(async () => {
      const { hostname, port } = new URL(url);
      reachable = await new Promise<boolean>((resolve) => {
        const socket = createConnection({ host: hostname, port: Number(port) }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    });

    /** A stream of its own for one test, its sink and a manager to read it; all removed afterwards. Skips without NATS. */
    async function withStream(test: (nats: { stream: string; subjectPrefix: string; sink: EventSink; jsm: JetStreamManager }) => Promise<void>) {
      if (!reachable) {
        console.warn(`skipped: no NATS server at ${url}`);
        return;
      }
      const tag = `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const stream = `C360_TEST_${tag}`;
      const subjectPrefix = `c360test.${tag}`;
      const sink = natsSink({ url, stream, subjectPrefix });
      const nc = await connect({ servers: url });
      const jsm = await jetstreamManager(nc);
      try {
        await test({ stream, subjectPrefix, sink, jsm });
      } finally {
        await jsm.streams.delete(stream).catch(() => undefined);
        await nc.close();
        await sink.close?.();
      }
    }

    it('publishes one subject per event type with the event id as message id: a re-delivery is one message', () =>
      withStream(async ({ stream, subjectPrefix, sink, jsm }) => {
        const customerId = randomUUID();
        const order = await write('order.recorded', customerId, 1);
        const update = await write('customer.updated', customerId, 2);
        const failing = recordingSink(new Map([[update.id, 1]]));
        // NATS accepts both, then the second sink fails once: the retry publishes the update again.
        const d = new OutboxDispatcher(db, { schema: SCHEMA, sinks: [sink, failing], retry: RETRY, batchSize: 50, pollMs: 0 });
        await drain(d);
        expect(failing.received.map((e) => e.id)).toEqual([order.id, update.id]);
        const info = await jsm.streams.info(stream);
        expect(info.state.messages).toBe(2);
        const first = await jsm.streams.getMessage(stream, { seq: 1 });
        const second = await jsm.streams.getMessage(stream, { seq: 2 });
        expect(first?.subject).toBe(`${subjectPrefix}.order.recorded`);
        expect(second?.subject).toBe(`${subjectPrefix}.customer.updated`);
        expect(first?.header.get('Nats-Msg-Id')).toBe(order.id);
        expect((first?.json() as EventEnvelope).id).toBe(order.id);
        await d.stop();
      }));

    it('publishes a batch of several customers pipelined, once each: a batch retried after a later sink failed adds no message', () =>
      withStream(async ({ stream, sink, jsm }) => {
        const batches: number[] = [];
        const pipelined = sink.deliverAll?.bind(sink);
        const counted: EventSink = { ...sink, deliverAll: pipelined && ((events) => (batches.push(events.length), pipelined(events))) };
        const events = [];
        for (let i = 0; i < 5; i++) events.push(await write('order.recorded', randomUUID(), i));
        // The next sink refuses two of the five once: those two are published again on their retry.
        const failing = recordingSink(new Map([[events[1].id, 1], [events[3].id, 1]]));
        const d = new OutboxDispatcher(db, { schema: SCHEMA, sinks: [counted, failing], retry: RETRY, batchSize: 50, pollMs: 0 });
        await drain(d);
        expect(batches[0]).toBe(5);
        expect(failing.received.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
        const info = await jsm.streams.info(stream);
        expect(info.state.messages).toBe(5);
        const stored = [];
        for (let seq = 1; seq <= 5; seq++) stored.push((await jsm.streams.getMessage(stream, { seq }))?.header.get('Nats-Msg-Id'));
        expect(stored).toEqual(events.map((e) => e.id)); // in outbox order
        await d.stop();
      }));
  });

  describe('webhook sink, to a real HTTP receiver on loopback', () => {
    let server: Server;
    let url: string;
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const deliveries: { id: string; verified: boolean; event: EventEnvelope }[] = [];
    let failNext = 0;
    let stall = false;
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          if (stall) return; // never answers: the sender's timeout must end the attempt
          const h = req.headers as Record<string, string>;
          // Verified as the spec says: HMAC-SHA256 over id.timestamp.body with the base64-decoded whsec_ secret.
          const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update(`${h['webhook-id']}.${h['webhook-timestamp']}.${body}`).digest('base64');
          const verified = h['webhook-signature'].split(' ').includes(`v1,${expected}`);
          if (failNext > 0) {
            failNext--;
            res.writeHead(503).end();
            return;
          }
          deliveries.push({ id: h['webhook-id'], verified, event: JSON.parse(body) as EventEnvelope });
          res.writeHead(204).end();
        });
      });
      url = `${await listen(server, 0, '127.0.0.1')}/hook`.replace('/graphql/hook', '/hook');
    });
    afterAll(() => closeServer(server));

    it('delivers signed requests, retries a failing receiver with the same webhook-id, and times out a stalled one', async () => {
      const sink = webhookSink({ url, secrets: { current: secret }, allowPrivate: true, timeoutMs: 200 });
      const customerId = randomUUID();
      const first = await write('order.recorded', customerId, 1);
      const second = await write('order.recorded', customerId, 2);
      failNext = 2;
      await drain(dispatcher(sink));
      expect(deliveries.map((d) => [d.id, d.verified, d.event.id])).toEqual([
        [first.id, true, first.id],
        [second.id, true, second.id],
      ]);
      stall = true;
      const stalled = await write('order.recorded', customerId, 3);
      // A retry later than one stalled attempt: with 5 ms, a loaded machine's runOnce could spend every attempt while stalled.
      const d = dispatcher(sink, undefined, { baseMs: 300, maxMs: 300, maxAttempts: 3 });
      await d.runOnce();
      expect((await d.outbox.byId(stalled.id))?.lastError).toMatch(/abort|timeout/i);
      stall = false;
      await drain(d);
      expect(deliveries.map((x) => x.id)).toContain(stalled.id);
    });

    it('in production checks what the name resolves to when connecting, and connects to the address it checked (DNS rebinding)', async () => {
      // Counts TCP connections on loopback: any connection at all would be the forgery the policy forbids.
      let connections = 0;
      const trap = createNetServer((socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
      const port = (trap.address() as AddressInfo).port;
      const target = `https://hooks.partner.example:${port}/c360`;
      const event = { id: randomUUID(), type: 'order.recorded', version: 1, occurredAt: new Date().toISOString(), customerId: null, payload: {} } as EventEnvelope;
      const send = (resolve: (host: string) => Promise<{ address: string; family: number }[]>) =>
        webhookSink({ url: target, secrets: { current: secret }, allowPrivate: false, timeoutMs: 300, resolve }).deliver(event);
      try {
        // The URL passes the policy as written; the name answers a private address.
        for (const answer of [[{ address: '127.0.0.1', family: 4 }], [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.8', family: 4 }], [{ address: '::ffff:127.0.0.1', family: 6 }], []]) {
          await expect(send(async () => answer)).rejects.toThrow(/^endpoint refused: host (resolves to a private address|has no address)$/);
        }
        // A rebinding name server: public when checked, loopback when asked again. One resolution, to the checked address.
        const asked: string[] = [];
        await expect(
          send(async (host) => {
            asked.push(host);
            return [{ address: asked.length === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }];
          }),
        ).rejects.toThrow();
        expect(asked).toEqual(['hooks.partner.example']);
        expect(connections).toBe(0);
        // Development and tests: loopback stays allowed, also by name.
        const dev = webhookSink({ url: url.replace('127.0.0.1', 'localhost'), secrets: { current: secret }, allowPrivate: true, resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
        const before = deliveries.length;
        await dev.deliver(event);
        expect(deliveries.slice(before).map((d) => d.id)).toEqual([event.id]);
      } finally {
        await new Promise<void>((resolve) => trap.close(() => resolve()));
      }
    });

    it('refuses a loopback endpoint when private endpoints are not allowed (production)', async () => {
      const sink = webhookSink({ url, secrets: { current: secret }, allowPrivate: false });
      const event = await write('order.recorded', randomUUID(), 1);
      const d = dispatcher(sink);
      await d.runOnce();
      expect((await d.outbox.byId(event.id))?.lastError).toBe('endpoint refused: not https');
    });
  });
});
