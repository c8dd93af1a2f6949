import { randomUUID } from 'node:crypto';
import { statementCounter } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { offersSubgraph } from '../src';
import { offersApi } from './fixtures';
import { responseInput, responsesApi } from './response-fixtures';

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; type: string } }[] };
const CUSTOMER_RESPONSES = `query($r: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $r) { ... on Customer { offerResponses(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id type } } } } }
}`;

describe(`offer responses on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let api: ReturnType<typeof offersApi>;
  let responses: ReturnType<typeof responsesApi>;
  let offerId: string;

  const customerPage = async (customerId: string, first?: number, after?: string | null) => {
    const result = await harness.execute<{ _entities: { offerResponses: Page }[] }, Record<string, unknown>>(CUSTOMER_RESPONSES, {
      r: [{ __typename: 'Customer', id: customerId }], first, after,
    });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!._entities[0].offerResponses;
  };

  beforeAll(async () => {
    harness = await startSubgraphHarness(offersSubgraph);
    api = offersApi(harness);
    responses = responsesApi(harness);
    offerId = (await api.createOffer(await api.createCampaign())).id;
  });
  afterAll(() => harness.close());

  describe('recording', () => {
    it('records a response and serves it on the offer and on the customer', async () => {
      const customerId = randomUUID();
      const recorded = await responses.record(responseInput(offerId, customerId, 'CLICKED', { channel: 'WEB' }));
      expect(recorded).toMatchObject({ type: 'CLICKED', channel: 'WEB', occurredAt: '2025-01-10T10:00:00.000Z', revenue: null, order: null, offer: { id: offerId }, customer: { __typename: 'Customer', id: customerId } });
      const onOffer = await harness.execute<{ offer: { responses: Page } }>(`{ offer(id: "${offerId}") { responses(first: 100) { edges { node { id } } } } }`);
      expect(onOffer.data?.offer.responses.edges.map((e) => e.node.id)).toContain(recorded.id);
      expect((await customerPage(customerId)).edges).toEqual([{ node: { id: recorded.id, type: 'CLICKED' } }]);
    });

    it('stores the order and revenue of a redemption and points to the Order entity', async () => {
      const orderId = randomUUID();
      const recorded = await responses.record(responseInput(offerId, randomUUID(), 'REDEEMED', { channel: 'STORE', orderId, revenue: 59.9 }));
      expect(recorded).toMatchObject({ type: 'REDEEMED', revenue: 59.9, order: { __typename: 'Order', id: orderId } });
      const [row] = await harness.dataSource.query('SELECT order_id, revenue::float8 AS revenue FROM offers.offer_response WHERE id = $1', [recorded.id]);
      expect(row).toEqual({ order_id: orderId, revenue: 59.9 });
    });

    it('defaults occurredAt to now', async () => {
      const before = Date.now();
      const recorded = await responses.record(responseInput(offerId, randomUUID(), 'SHOWN', { occurredAt: null }));
      expect(new Date(recorded.occurredAt).getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(new Date(recorded.occurredAt).getTime()).toBeLessThanOrEqual(Date.now());
    });
  });

  describe('idempotency', () => {
    it('returns the recorded response for a replay with the same content, adding no row', async () => {
      const input = responseInput(offerId, randomUUID(), 'REDEEMED', { revenue: 12.5 });
      const first = await responses.record(input);
      const before = await responses.count();
      const replay = await responses.record(input);
      expect(replay).toEqual(first);
      expect(await responses.count()).toBe(before);
    });

    it('treats a replay that leaves occurredAt to default as the same event', async () => {
      const input = responseInput(offerId, randomUUID(), 'SHOWN', { occurredAt: null });
      const first = await responses.record(input);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await responses.record(input)).toEqual(first);
    });

    it.each([
      ['another type', { type: 'DECLINED' }],
      ['another channel', { channel: 'SMS' }],
      ['another customer', { customerId: randomUUID() }],
      ['another time', { occurredAt: '2025-01-10T10:00:00.001Z' }],
    ])('answers CONFLICT when the same eventId arrives with %s, changing nothing', async (_case, change) => {
      const input = responseInput(offerId, randomUUID(), 'CLICKED');
      const first = await responses.record(input);
      const before = await responses.count();
      const result = await responses.recordRaw({ ...input, ...change });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'eventId', reason: 'EVENT_ID_CONFLICT', responseId: first.id });
      expect(JSON.stringify(result.errors)).not.toContain(input.eventId); // never the key sent
      expect(await responses.count()).toBe(before);
      const [row] = await harness.dataSource.query('SELECT type, channel FROM offers.offer_response WHERE event_id = $1', [input.eventId]);
      expect(row).toEqual({ type: 'CLICKED', channel: 'EMAIL' });
    });

    it('answers CONFLICT for a redemption replayed with another revenue', async () => {
      const input = responseInput(offerId, randomUUID(), 'REDEEMED', { revenue: 10 });
      await responses.record(input);
      expect((await responses.recordRaw({ ...input, revenue: 11 })).errors?.[0].extensions?.code).toBe('CONFLICT');
    });
  });

  describe('validation', () => {
    it.each([
      ['a redemption without orderId', { type: 'REDEEMED', orderId: null }, 'orderId'],
      ['an orderId on a click', { type: 'CLICKED', orderId: '6f1c1d2e-8a51-4a4b-9a57-0a3b2b1f0c11' }, 'orderId'],
      ['revenue on a view', { type: 'SHOWN', revenue: 5 }, 'revenue'],
      ['revenue with fractions of a cent', { type: 'REDEEMED', revenue: 1.005 }, 'revenue'],
      ['an occurredAt in the future', { occurredAt: '2099-01-01T00:00:00.000Z' }, 'occurredAt'],
      ['a malformed offerId', { offerId: 'offer-1' }, undefined],
      ['a malformed customerId', { customerId: 'c-1' }, undefined],
      ['a malformed orderId', { type: 'REDEEMED', orderId: 'order-1' }, undefined],
    ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_case, change: Record<string, unknown>, field) => {
      const before = await responses.count();
      const input = responseInput(offerId, randomUUID(), String(change.type ?? 'CLICKED'), change);
      const result = await responses.recordRaw(input);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      if (field) expect(result.errors?.[0].extensions?.field).toBe(field);
      expect(await responses.count()).toBe(before);
    });

    it('refuses negative revenue and an empty eventId by input validation', async () => {
      const negative = await responses.recordRaw(responseInput(offerId, randomUUID(), 'REDEEMED', { revenue: -1 }));
      const empty = await responses.recordRaw(responseInput(offerId, randomUUID(), 'SHOWN', { eventId: '' }));
      expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('answers NOT_FOUND for an unknown offer', async () => {
      const result = await responses.recordRaw(responseInput(randomUUID(), randomUUID(), 'SHOWN'));
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('refuses responses to a DRAFT offer, which has reached no one', async () => {
      const draft = (await api.createOfferRaw(await api.createCampaign(), { status: 'DRAFT' })).data!.createOffer;
      const before = await responses.count();
      const result = await responses.recordRaw(responseInput(draft.id, randomUUID(), 'SHOWN'));
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offerId' });
      expect(JSON.stringify(result.errors)).not.toContain(draft.id); // never the id sent
      expect(await responses.count()).toBe(before);
    });

    it('accepts late responses to a PAUSED or EXPIRED offer', async () => {
      const offer = await api.createOffer(await api.createCampaign());
      await api.setOfferStatus(offer.id, 'EXPIRED');
      const recorded = await responses.record(responseInput(offer.id, randomUUID(), 'REDEEMED'));
      expect(recorded.offer.id).toBe(offer.id);
    });
  });

  describe('batches', () => {
    it('records a batch in input order, replays included', async () => {
      const earlier = responseInput(offerId, randomUUID(), 'SHOWN');
      const recordedEarlier = await responses.record(earlier);
      const fresh = [responseInput(offerId, randomUUID(), 'CLICKED'), responseInput(offerId, randomUUID(), 'DECLINED')];
      const before = await responses.count();
      const batch = await responses.recordMany([fresh[0], earlier, fresh[1]]);
      expect(batch.map((r) => r.eventId)).toEqual([fresh[0].eventId, earlier.eventId, fresh[1].eventId]);
      expect(batch[1]).toEqual(recordedEarlier);
      expect(await responses.count()).toBe(before + 2);
    });

    it('writes nothing when one input of the batch is refused', async () => {
      const before = await responses.count();
      const result = await responses.recordManyRaw([responseInput(offerId, randomUUID(), 'SHOWN'), responseInput(randomUUID(), randomUUID(), 'SHOWN')]);
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await responses.count()).toBe(before);
    });

    it('writes nothing when one input conflicts with a recorded event', async () => {
      const recorded = responseInput(offerId, randomUUID(), 'SHOWN');
      await responses.record(recorded);
      const before = await responses.count();
      const result = await responses.recordManyRaw([responseInput(offerId, randomUUID(), 'SHOWN'), { ...recorded, type: 'CLICKED' }]);
      expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await responses.count()).toBe(before);
    });

    it('answers CONFLICT for one eventId used twice with different content in a batch', async () => {
      const input = responseInput(offerId, randomUUID(), 'SHOWN');
      const result = await responses.recordManyRaw([input, { ...input, channel: 'SMS' }]);
      expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
    });

    it('refuses more than 500 responses in one call', async () => {
      const customerId = randomUUID();
      const inputs = Array.from({ length: 501 }, () => responseInput(offerId, customerId, 'SHOWN'));
      const result = await responses.recordManyRaw(inputs);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', max: 500 });
    });

    it('records 5 and 500 responses in the same number of statements', async () => {
      const statementsFor = async (n: number) => {
        const customerId = randomUUID();
        const inputs = Array.from({ length: n }, (_, i) => responseInput(offerId, customerId, 'SHOWN', { occurredAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }));
        statementCounter.reset();
        expect(await responses.recordMany(inputs)).toHaveLength(n);
        const statements = statementCounter.total();
        expect((await customerPage(customerId, 1)).totalCount).toBe(n);
        return statements;
      };
      expect(await statementsFor(500)).toBe(await statementsFor(5));
    });
  });

  describe('pages', () => {
    it("pages a customer's responses newest first, each exactly once", async () => {
      const customerId = randomUUID();
      const inputs = ['SHOWN', 'CLICKED', 'ACCEPTED', 'REDEEMED', 'DECLINED'].map((type, i) =>
        responseInput(offerId, customerId, type, { occurredAt: new Date(Date.UTC(2025, 1, 1 + i)).toISOString() }),
      );
      await responses.recordMany(inputs);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Page = await customerPage(customerId, 2, after);
        expect(page.totalCount).toBe(5);
        seen.push(...page.edges.map((e) => e.node.type));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(['DECLINED', 'REDEEMED', 'ACCEPTED', 'CLICKED', 'SHOWN']);
    });

    it('answers an empty page for a customer without responses', async () => {
      expect(await customerPage(randomUUID())).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    });

    it('costs the same statements for 10 and 40 customers asking for responses and eligible offers', async () => {
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { offerResponses(first: 3) { edges { node { type } } } eligibleOffers { id } } } }`;
      const customers = (n: number) => Array.from({ length: n }, () => ({ __typename: 'Customer', id: randomUUID() }));
      const ten = customers(10);
      const forty = customers(40);
      await responses.recordMany([...ten, ...forty].flatMap((c) => ['SHOWN', 'CLICKED', 'ACCEPTED', 'DECLINED'].map((type) => responseInput(offerId, c.id, type))));

      statementCounter.reset();
      const small = await harness.execute<{ _entities: { offerResponses: Page; eligibleOffers: unknown[] }[] }>(query, { r: ten } as never);
      const forTen = statementCounter.total();
      statementCounter.reset();
      const large = await harness.execute<{ _entities: { offerResponses: Page; eligibleOffers: unknown[] }[] }>(query, { r: forty } as never);
      const forForty = statementCounter.total();

      expect(small.errors).toBeUndefined();
      expect(large.data?._entities.every((c) => c.offerResponses.edges.length === 3 && c.eligibleOffers.length > 0)).toBe(true);
      expect(forForty).toBe(forTen);
      // The responses page, the live offers, and the exposures (read always: the contact policy caps any offer of a channel).
      expect(forTen).toBe(3);
    });
  });
});
