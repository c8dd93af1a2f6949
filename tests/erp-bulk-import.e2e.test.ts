import { randomUUID } from 'node:crypto';
import { storageLabel } from '@c360/shared/testing';
import { CreateCampaignDocument, CreateCustomerDocument, CreateOfferDocument, CustomerNextBestOffersDocument, GrantConsentDocument } from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const product = (name: string) => ({ sku: `BULK-${name}-${randomUUID().slice(0, 6)}`, name, category: 'Garden', price: 14.9, currency: 'EUR' });
const LIVE = { validFrom: '2024-09-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' };
const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

interface Job {
  id: string;
  kind: string;
  state: string;
  counts: Record<string, number>;
}

describe(`an ERP loading its catalogue and stock by bulk import through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let base: string;
  let erp: Record<string, string>;
  let cora: string;
  const spade = product('spade');
  const rake = product('rake');

  const postImport = async (kind: string, body: string, headers = erp) => {
    const response = await fetch(`${base}/import/${kind}`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...headers }, body });
    return { status: response.status, body: (await response.json()) as { job: Job } };
  };
  const ask = <T, V>(doc: Parameters<typeof postGraphQL<T, V>>[1], variables: V) => postGraphQL(platform.gatewayUrl, doc, variables, platform.internal);
  const offered = async () => {
    const r = await ask(CustomerNextBestOffersDocument, { id: cora, first: 20 });
    expect(r.errors).toBeUndefined();
    const customer = r.data!.customer!;
    const mine = (names: string[]) => names.filter((n) => n.startsWith('bulk-')).sort();
    return { eligible: mine(customer.eligibleOffers!.map((o) => o.name)), ranked: mine(customer.nextBestOffers!.map((p) => p.offer.name)) };
  };

  beforeAll(async () => {
    // The small demo data set only for its published consent notices (a grant needs one); the catalogue and stock here are all imported.
    platform = await startTestPlatform({ demo: { seed: 31, customers: 4 } });
    base = new URL(platform.gatewayUrl).origin;
    erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION);
    const created = await ask(CreateCustomerDocument, { input: { givenName: 'Cora', familyName: 'Bulk', email: `cora-${randomUUID()}@example.com`, acquisitionChannel: 'WEB' } });
    expect(created.errors).toBeUndefined();
    cora = created.data!.createCustomer.id;
    for (const purposeCode of ['MARKETING', 'PERSONALISATION', 'PROFILING']) expect((await ask(GrantConsentDocument, { input: { customerId: cora, purposeCode, channel: 'WEB' } })).errors).toBeUndefined();
  });
  afterAll(() => platform.close());

  it('imports products, then stock levels; an offer disappears on the next request once an imported count sets its product to 0, and returns with an imported receipt', async () => {
    const products = await postImport('products', ndjson([spade, rake]));
    expect(products.status).toBe(200);
    expect(products.body.job).toMatchObject({ kind: 'products', state: 'DONE', counts: { read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 } });

    const firstCount = { snapshotId: `count-1-${randomUUID()}`, asOf: hoursAgo(2) };
    const stocked = await postImport('stock-levels', ndjson([spade, rake].map((p) => ({ ...firstCount, sku: p.sku, level: 40 }))));
    expect(stocked.body.job.counts).toEqual({ read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 });

    const campaign = await ask(CreateCampaignDocument, { input: { name: 'Bulk import e2e', startsAt: '2024-09-01T00:00:00Z', status: 'ACTIVE' } as never });
    expect(campaign.errors).toBeUndefined();
    for (const [name, sku] of [['bulk-spade', spade.sku], ['bulk-rake', rake.sku]]) {
      const r = await ask(CreateOfferDocument, {
        input: { campaignId: campaign.data!.createCampaign.id, name, headline: name, benefitType: 'PERCENT_DISCOUNT', benefitValue: 10, channel: 'EMAIL', personalisationType: 'COSMETIC', status: 'ACTIVE', priority: 100, skus: [sku], ...LIVE } as never,
      });
      expect(r.errors).toBeUndefined();
    }
    expect(await offered()).toEqual({ eligible: ['bulk-rake', 'bulk-spade'], ranked: ['bulk-rake', 'bulk-spade'] });

    const soldOut = await postImport('stock-levels', ndjson([{ snapshotId: `count-2-${randomUUID()}`, asOf: new Date().toISOString(), sku: spade.sku, level: 0 }]));
    expect(soldOut.body.job.counts).toMatchObject({ inserted: 1, rejected: 0 });
    expect(await offered()).toEqual({ eligible: ['bulk-rake'], ranked: ['bulk-rake'] });

    // An older count arriving late changes nothing.
    const late = await postImport('stock-levels', ndjson([{ snapshotId: `count-0-${randomUUID()}`, asOf: hoursAgo(5), sku: spade.sku, level: 99 }]));
    expect(late.body.job.counts).toEqual({ read: 1, inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect(await offered()).toEqual({ eligible: ['bulk-rake'], ranked: ['bulk-rake'] });

    // A receipt of 5 after the count, as a bulk movement: the offer is back on the next request; a replay changes nothing.
    const receipt = ndjson([{ movementId: `receipt-${randomUUID()}`, sku: spade.sku, delta: 5, occurredAt: new Date().toISOString() }]);
    const received = await postImport('stock-movements', receipt);
    expect(received.body.job).toMatchObject({ kind: 'stock-movements', state: 'DONE', counts: { read: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0 } });
    expect(await offered()).toEqual({ eligible: ['bulk-rake', 'bulk-spade'], ranked: ['bulk-rake', 'bulk-spade'] });
    expect((await postImport('stock-movements', receipt)).body.job.counts).toEqual({ read: 1, inserted: 0, updated: 0, unchanged: 1, rejected: 0 });

    const polled = await fetch(`${base}/import/products/jobs/${products.body.job.id}`, { headers: erp });
    expect(polled.status).toBe(200);
    expect(((await polled.json()) as { job: Job }).job).toMatchObject({ id: products.body.job.id, kind: 'products', state: 'DONE', counts: products.body.job.counts });
    // A job is read under its own kind only.
    expect((await fetch(`${base}/import/stock-levels/jobs/${products.body.job.id}`, { headers: erp })).status).toBe(404);
  });

  it('keeps each kind to ERP tokens holding its scope (catalogue:write, stock:write) and writes nothing for the others', async () => {
    const lamp = product('lamp');
    const noCatalogue = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { scope: 'customers:read orders:write stock:write' });
    expect((await postImport('products', ndjson([lamp]), noCatalogue)).status).toBe(403);
    expect((await postImport('products', ndjson([lamp]), platform.internal)).status).toBe(403);
    const noStock = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { scope: 'customers:read catalogue:write' });
    expect((await postImport('stock-levels', ndjson([{ snapshotId: 'x', asOf: hoursAgo(1), sku: spade.sku, level: 1 }]), noStock)).status).toBe(403);
    expect((await postImport('stock-movements', ndjson([{ movementId: 'x', sku: spade.sku, delta: 1, occurredAt: hoursAgo(1) }]), noStock)).status).toBe(403);
    // None of the refused bodies was imported: the product is new to the one caller allowed.
    expect((await postImport('products', ndjson([lamp]))).body.job.counts.inserted).toBe(1);
  });
});
