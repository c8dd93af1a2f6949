import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { demoProducts } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { postGraphQL, type GraphQLResponse } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const DEMO = { seed: 13, customers: 4 };
const WRITING_SCHEMAS = ['customers', 'offers', 'transactions'];

const CREATE = parse('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }');
const ORDER = parse('mutation($input: RecordOrderInput!) { recordOrder(input: $input) { id total } }');
const ORDER_STATUS = parse('mutation($id: ID!, $status: OrderStatus!) { setOrderStatus(id: $id, status: $status) { id } }');
const INTERACTION = parse('mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }');
const RESPONSE = parse('mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { id } }');
const CONSENT = parse('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { status } }');
const ERASE = parse('mutation($customerId: ID!) { requestErasure(customerId: $customerId) { id status } }');
const OFFERS = parse('{ offers(first: 5, status: ACTIVE) { edges { node { id } } } }');

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Issue 10 classes 12-13, issue 11 section 3: feeds only land on living customers, and erasure leaves nothing behind. */
describe(`feed integrity and atomic erasure on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let staff: Record<string, string>;
  let offerId: string;
  const product = demoProducts(DEMO).find((p) => p.stockLevel > 50)!;
  const send = (doc: ReturnType<typeof parse>, variables: Any, headers = platform.internal) => postGraphQL<Any, Any>(platform.gatewayUrl, doc, variables, headers);
  const ok = (r: GraphQLResponse<Any>) => {
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const code = (r: GraphQLResponse<Any>) => r.errors?.[0]?.extensions?.code;

  const newCustomer = async (tag: string) => ok(await send(CREATE, { input: { givenName: 'Feed', familyName: tag, acquisitionChannel: 'WEB' } })).createCustomer.id as string;
  const order = (customerId: string, externalId = randomUUID()) =>
    send(ORDER, { input: { customerId, sourceSystem: 'pos', externalId, channel: 'STORE', currency: product.currency, lines: [{ sku: product.sku, quantity: 1 }] } });
  const interaction = (customerId: string) => send(INTERACTION, { input: { customerId, channel: 'WEB', kind: 'PASSIVE', type: 'PAGE_VIEW' } });
  const response = (customerId: string, extra: Any = {}) => send(RESPONSE, { input: { eventId: randomUUID(), offerId, customerId, type: 'SHOWN', channel: 'WEB', ...extra } });
  const consent = (customerId: string) => send(CONSENT, { input: { customerId, purposeCode: 'MARKETING', channel: 'WEB' } });
  const allFeeds = (customerId: string) => Promise.all([order(customerId), interaction(customerId), response(customerId), consent(customerId)]);

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'customers:read privacy:admin' });
    offerId = ok(await send(OFFERS, {})).offers.edges[0].node.id;
  });
  afterAll(() => platform.close());

  it('refuses every feed for a customer id that never existed, with NOT_FOUND, writing nothing', async () => {
    const ghost = randomUUID();
    const results = await allFeeds(ghost);
    expect(results.map(code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    const db = platform.subgraphs[0].dataSource;
    const [{ n }]: { n: number }[] = await db.query(
      `SELECT (SELECT count(*) FROM transactions.customer_order WHERE customer_id = $1) + (SELECT count(*) FROM offers.offer_response WHERE customer_id = $1)
            + (SELECT count(*) FROM consent.consent_event WHERE customer_id = $1) AS n`,
      [ghost],
    );
    expect(Number(n)).toBe(0);
  });

  it('accepts feeds for a living customer, then refuses them with SUBJECT_ERASED once erased (no stale positive cache)', async () => {
    const id = await newCustomer('Living');
    for (const r of await allFeeds(id)) ok(r);
    ok(await send(ERASE, { customerId: id }, staff));
    expect((await allFeeds(id)).map(code)).toEqual(['SUBJECT_ERASED', 'SUBJECT_ERASED', 'SUBJECT_ERASED', 'SUBJECT_ERASED']);
  });

  describe('REDEEMED responses', () => {
    let buyer: string;
    let other: string;
    let completed: { id: string; total: number };

    beforeAll(async () => {
      buyer = await newCustomer('Buyer');
      other = await newCustomer('Other');
      completed = ok(await order(buyer)).recordOrder;
    });

    it('accepts a COMPLETED order of the same customer, revenue up to its total', async () => {
      ok(await response(buyer, { type: 'REDEEMED', orderId: completed.id, revenue: completed.total }));
    });

    it("refuses another customer's order", async () => {
      const r = await response(other, { type: 'REDEEMED', orderId: completed.id, revenue: 1 });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ORDER_OF_OTHER_CUSTOMER' });
    });

    it('refuses a cancelled order, an unknown order, and revenue above the total', async () => {
      const cancelled = ok(await order(buyer)).recordOrder;
      ok(await send(ORDER_STATUS, { id: cancelled.id, status: 'CANCELLED' }));
      expect((await response(buyer, { type: 'REDEEMED', orderId: cancelled.id })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ORDER_NOT_COMPLETED' });
      expect((await response(buyer, { type: 'REDEEMED', orderId: randomUUID() })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ORDER_NOT_FOUND' });
      expect((await response(buyer, { type: 'REDEEMED', orderId: completed.id, revenue: completed.total + 100_000 })).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'REVENUE_ABOVE_ORDER_TOTAL',
      });
    });
  });

  /** Every row of every table of the writing subgraphs that holds the id, read as a dump would (each row cast to text). */
  async function rowsHolding(customerId: string): Promise<string[]> {
    const db = platform.subgraphs[0].dataSource;
    const tables: { s: string; t: string }[] = await db.query(
      `SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_schema = ANY($1::text[]) AND table_type = 'BASE TABLE'`,
      [WRITING_SCHEMAS],
    );
    const hits: string[] = [];
    for (const { s, t } of tables) {
      const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM "${s}"."${t}" x WHERE x::text ILIKE $1`, [`%${customerId}%`]);
      if (n > 0) hits.push(`${s}.${t}: ${n}`);
    }
    return hits;
  }

  async function rowsHoldingOnceDelivered(customerId: string): Promise<string[]> {
    const until = Date.now() + 10_000;
    let hits = await rowsHolding(customerId);
    while (hits.length > 0 && hits.every((h) => h.startsWith('customers.outbox: 1')) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      hits = await rowsHolding(customerId);
    }
    return hits;
  }

  it('leaves no row under the real id in any writing subgraph when writes race the erasure, and no grant in force', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await newCustomer(`Race${round}`);
      let erasing = true;
      const writers = (async () => {
        const outcomes: unknown[] = [];
        while (erasing) outcomes.push(...(await allFeeds(id)).map(code));
        return outcomes;
      })();
      await new Promise((resolve) => setTimeout(resolve, 30));
      const erased = ok(await send(ERASE, { customerId: id }, staff)).requestErasure;
      await new Promise((resolve) => setTimeout(resolve, 30));
      erasing = false;
      const outcomes = await writers;
      expect(erased.status).toBe('DONE');
      outcomes.push(...(await allFeeds(id)).map(code));
      // Writes landed before the erasure and were refused after it; none failed any other way.
      expect(outcomes).toContain(undefined);
      expect(outcomes).toContain('SUBJECT_ERASED');
      expect(outcomes.every((c) => c === undefined || c === 'SUBJECT_ERASED' || c === 'NOT_FOUND')).toBe(true);
      // The erasure notice (customer.erased) must name the customer until the outbox delivers it; delivery
      // redacts it, and every other event about the customer went with the erasure.
      expect(await rowsHoldingOnceDelivered(id)).toEqual([]);
      const inForce: unknown[] = await platform.subgraphs[0].dataSource.query(
        `SELECT 1 FROM (SELECT DISTINCT ON (purpose_code, partner_id) status FROM consent.consent_event WHERE customer_id = $1 ORDER BY purpose_code, partner_id, seq DESC) l WHERE status = 'GRANTED'`,
        [id],
      );
      expect(inForce).toEqual([]);
    }
  });

  it('keeps pseudonyms unlinkable: no request id on tombstones, de-identified orders carry only the day', async () => {
    const id = await newCustomer('Pseudonym');
    const recorded = ok(await order(id)).recordOrder;
    ok(await send(ERASE, { customerId: id }, staff));
    const db = platform.subgraphs[0].dataSource;
    const columns: { table_schema: string; column_name: string }[] = await db.query(
      `SELECT table_schema, column_name FROM information_schema.columns WHERE table_name IN ('erased_customer', 'erased_identity') AND column_name = 'request_id'`,
    );
    expect(columns).toEqual([]);
    const [row]: { deidentified_at: Date; exact: boolean }[] = await db.query(
      `SELECT deidentified_at, deidentified_at = date_trunc('day', deidentified_at, 'UTC') AS exact FROM transactions.customer_order WHERE id = $1`,
      [recorded.id],
    );
    expect(row.exact).toBe(true);
    const sameInstant: unknown[] = await db.query(`SELECT 1 FROM transactions.erased_customer WHERE erased_at = $1`, [row.deidentified_at]);
    expect(sameInstant).toEqual([]);
  });
});
