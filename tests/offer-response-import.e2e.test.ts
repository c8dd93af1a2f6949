import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { demoProducts } from '@c360/shared';
import { noNoise, storageLabel } from '@c360/shared/testing';
import { CampaignPerformanceFiguresDocument, CreateCampaignDocument, CreateCustomerDocument, CreateOfferDocument, RecordOfferResponsesDocument, RecordOrderDocument } from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const DEMO = { seed: 37, customers: 4 };
const [product] = demoProducts(DEMO).filter((p) => p.stockLevel >= 100);
const JOB_QUERY = parse(`query Job($id: ID!) { offerResponseImportJob(id: $id) { kind state counts { read inserted updated unchanged rejected } badRows(first: 10) { lineNo field reason } } }`);
/** The aggregate release policy's k: campaign figures appear once this many customers were reached. */
const K = 10;

/** Issue 11 §2-3: historical offer responses through POST /import/offer-responses, checked against customers and orders. */
describe(`offer response import through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let base: string;
  let erp: Record<string, string>;
  let campaignId: string;
  let offerId: string;

  const ok = <T>(r: { data?: T | null; errors?: unknown }): T => {
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const newCustomer = async () =>
    ok(await postGraphQL(platform.gatewayUrl, CreateCustomerDocument, { input: { givenName: 'Resp', familyName: 'Import', acquisitionChannel: 'WEB' } } as never, platform.internal)).createCustomer.id;
  const newOrder = async (customerId: string) => {
    const input = { customerId, sourceSystem: 'resp-e2e', externalId: randomUUID(), channel: 'STORE', currency: product.currency, lines: [{ sku: product.sku, quantity: 1, unitPrice: 40 }] };
    return ok(await postGraphQL(platform.gatewayUrl, RecordOrderDocument, { input } as never, platform.internal)).recordOrder.id;
  };
  const postImport = (body: string, headers: Record<string, string>) =>
    fetch(`${base}/import/offer-responses?sourceSystem=crm-e2e`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...headers }, body });
  /** The outbox events about responses this file imported (source crm-e2e), in outbox order. */
  const eventsOfImported = async () =>
    (
      (await platform.subgraphs.find((s) => s.name === 'offers')!.dataSource.query(
        `SELECT o.type, o.customer_id, o.payload FROM offers.outbox o JOIN offers.offer_response r ON r.id::text = o.payload->>'responseId'
         WHERE r.source_system = 'crm-e2e' ORDER BY o.seq`,
      )) as { type: string; customer_id: string; payload: Record<string, unknown> | string }[]
    ).map((r) => ({ type: r.type, customerId: r.customer_id, payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown> }));
  const performance = async () => ok(await postGraphQL(platform.gatewayUrl, CampaignPerformanceFiguresDocument, { id: campaignId }, platform.internal)).campaign!.performance!;

  beforeAll(async () => {
    // Without noise the released figures are the bounded exact ones, so a single redemption is visible.
    platform = await startTestPlatform({ demo: DEMO, aggregateNoise: noNoise });
    base = new URL(platform.gatewayUrl).origin;
    // recordOfferResponses' scope, within the ERP ceiling though not among its default scopes.
    erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { scope: 'offers:write' });
    campaignId = ok(await postGraphQL(platform.gatewayUrl, CreateCampaignDocument, { input: { name: 'History', startsAt: '2025-01-01T00:00:00Z', status: 'ACTIVE' } } as never, platform.internal)).createCampaign.id;
    const offer = { campaignId, name: 'history', headline: 'History', benefitType: 'PERCENT_DISCOUNT', benefitValue: 10, channel: 'EMAIL', personalisationType: 'COSMETIC', status: 'ACTIVE', priority: 1, validFrom: '2025-01-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' };
    offerId = ok(await postGraphQL(platform.gatewayUrl, CreateOfferDocument, { input: offer } as never, platform.internal)).createOffer.id;
  });
  afterAll(() => platform.close());

  it('imports the good REDEEMED row and reports the bad one; campaign revenue counts only what was accepted', async () => {
    const customers: string[] = [];
    for (let i = 0; i < K; i++) customers.push(await newCustomer());
    const [buyer, other, liveBuyer] = customers;
    const buyersOrder = await newOrder(buyer);
    // Revenue a caller that may read the order total recorded live: the baseline the import must not move.
    const liveOrder = await newOrder(liveBuyer);
    ok(await postGraphQL(platform.gatewayUrl, RecordOfferResponsesDocument, { inputs: [{ eventId: `live-${randomUUID()}`, offerId, customerId: liveBuyer, type: 'REDEEMED', channel: 'STORE', orderId: liveOrder, revenue: 25 }] } as never, platform.internal));

    const row = (customerId: string, type: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ externalId: `e2e-${randomUUID()}`, offerId, customerId, type, channel: 'EMAIL', occurredAt: '2025-06-01T10:00:00.000Z', ...extra });
    const shown = customers.map((id) => row(id, 'SHOWN'));
    const good = row(buyer, 'REDEEMED', { orderId: buyersOrder });
    const bad = row(other, 'REDEEMED', { orderId: buyersOrder, revenue: 30 }); // another customer's order
    const body = [...shown, good, bad].join('\n') + '\n';

    const response = await postImport(body, erp);
    expect(response.status).toBe(200);
    const { job } = (await response.json()) as { job: { id: string; counts: Record<string, number> } };
    expect(job.counts).toEqual({ read: K + 2, inserted: K + 1, updated: 0, unchanged: 0, rejected: 1 });
    const badRows = [{ lineNo: K + 2, field: 'orderId', reason: 'is not an order of this customer' }];

    const queried = ok(await postGraphQL<{ offerResponseImportJob: unknown }, { id: string }>(platform.gatewayUrl, JOB_QUERY, { id: job.id }, erp));
    expect(queried.offerResponseImportJob).toEqual({ kind: 'offer-responses', state: 'DONE', counts: job.counts, badRows });
    const report = await fetch(`${base}/import/offer-responses/jobs/${job.id}/bad-rows`, { headers: erp });
    expect(await report.text()).toBe(badRows.map((r) => `${JSON.stringify(r)}\n`).join(''));

    const figures = await performance();
    expect(figures.reach).toBe(K);
    expect(figures.redeemed.customers).toBe(2);
    expect(figures.attributedRevenue).toBe(25);

    // Issue 15: each imported response recorded its events in the batch's transaction, as recordOfferResponses does.
    const importedEvents = await eventsOfImported();
    expect(importedEvents.filter((e) => e.type === 'offer.response_recorded')).toHaveLength(K + 1);
    expect(importedEvents.filter((e) => e.type === 'offer.picked')).toHaveLength(K);
    const responseTypes = new Map<string, string>();
    for (const event of importedEvents) {
      const responseId = String(event.payload.responseId);
      expect(event.payload.offerId).toBe(offerId);
      if (event.type === 'offer.response_recorded') {
        responseTypes.set(responseId, String(event.payload.type));
        expect(event.payload).toEqual({ responseId, offerId, type: event.payload.type });
      } else {
        expect(responseTypes.get(responseId)).toBe('SHOWN'); // offer.picked follows its response_recorded
        expect(event.payload).toEqual({ responseId, offerId });
      }
    }
    expect(importedEvents.filter((e) => e.type === 'offer.response_recorded' && e.customerId === buyer).map((e) => e.payload.type).sort()).toEqual(['REDEEMED', 'SHOWN']);

    // Replaying the file changes nothing.
    const replay = (await (await postImport(body, erp)).json()) as { job: { counts: unknown } };
    expect(replay.job.counts).toEqual({ read: K + 2, inserted: 0, updated: 0, unchanged: K + 1, rejected: 1 });
    expect((await performance()).redeemed.customers).toBe(2);
    expect(await eventsOfImported()).toHaveLength(importedEvents.length); // a re-sent row records no event
  });

  it('is only for ERP integration tokens holding offers:write, and another ERP client cannot read the job', async () => {
    const body = `${JSON.stringify({ externalId: `refused-${randomUUID()}`, offerId, customerId: await newCustomer(), type: 'SHOWN', channel: 'EMAIL' })}\n`;
    expect((await postImport(body, platform.internal)).status).toBe(403);
    expect((await postImport(body, await platform.tokens.headers(CallerKind.ERP_INTEGRATION))).status).toBe(403);
    const accepted = (await (await postImport(body, erp)).json()) as { job: { id: string } };
    const otherErp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { client_id: 'erp-other', scope: 'offers:write' });
    const peeked = await postGraphQL(platform.gatewayUrl, JOB_QUERY, { id: accepted.job.id }, otherErp);
    expect(peeked.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
