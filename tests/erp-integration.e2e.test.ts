import { randomUUID } from 'node:crypto';
import { storageLabel } from '@c360/shared/testing';
import {
  AdjustStockDocument, CreateCampaignDocument, CreateCustomerDocument, CreateOfferDocument, CustomerNextBestOffersDocument, GrantConsentDocument,
  ProductStockDocument, RecordOrderDocument, SetStockLevelsDocument, UpsertProductsDocument,
} from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const product = (name: string, category = 'Garden') => ({ sku: `ERP-${name}-${randomUUID().slice(0, 6)}`, name, category, price: 19.9, currency: 'EUR' });
const LIVE = { validFrom: '2024-09-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' };

async function createCustomer(platform: TestPlatform, headers: Record<string, string>, givenName: string): Promise<string> {
  const r = await postGraphQL(platform.gatewayUrl, CreateCustomerDocument, { input: { givenName, familyName: 'Erp', email: `${givenName.toLowerCase()}-${randomUUID()}@example.com`, acquisitionChannel: 'WEB' } }, headers);
  expect(r.errors).toBeUndefined();
  return r.data!.createCustomer.id;
}

describe(`an ERP feeding a platform started without demo data, through the gateway, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let erp: Record<string, string>;

  beforeAll(async () => {
    platform = await startTestPlatform();
    erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION);
  });
  afterAll(() => platform.close());

  const ask = <T, V>(doc: Parameters<typeof postGraphQL<T, V>>[1], variables: V, headers = erp) => postGraphQL(platform.gatewayUrl, doc, variables, headers);
  const stock = async (sku: string) => (await ask(ProductStockDocument, { sku })).data!.product!;
  const order = (customerId: string, sku: string, quantity: number, occurredAt?: string) =>
    ask(RecordOrderDocument, { input: { customerId, sourceSystem: 'erp', externalId: `SO-${randomUUID()}`, channel: 'CALL_CENTER', currency: 'EUR', occurredAt, lines: [{ sku, quantity }] } as never });

  it('takes upsertProducts -> setStockLevels -> recordOrder with only migrations, and never refuses a sale for stock', async () => {
    const lantern = product('lantern', 'Outdoor');
    const created = await ask(UpsertProductsDocument, { inputs: [lantern] });
    expect(created.errors).toBeUndefined();
    expect(created.data!.upsertProducts).toMatchObject({ created: 1, products: [{ sku: lantern.sku, change: 'CREATED' }] });
    expect((await ask(SetStockLevelsDocument, { snapshotId: `snap-${randomUUID()}`, asOf: hoursAgo(1), levels: [{ sku: lantern.sku, level: 5 }] })).data!.setStockLevels.applied).toBe(1);
    const customer = await createCustomer(platform, platform.internal, 'Olga');
    expect((await order(customer, lantern.sku, 2)).errors).toBeUndefined();
    expect(await stock(lantern.sku)).toMatchObject({ stockLevel: 3, inStock: true });
    // A 2025 order arriving late was in the ERP's count already.
    expect((await order(customer, lantern.sku, 1, '2025-06-01T09:00:00.000Z')).errors).toBeUndefined();
    expect(await stock(lantern.sku)).toMatchObject({ stockLevel: 3 });
    // More than the CRM's copy holds: recorded all the same, shown as sold out.
    expect((await order(customer, lantern.sku, 10)).errors).toBeUndefined();
    expect(await stock(lantern.sku)).toMatchObject({ stockLevel: 0, stockBalance: -7, inStock: false });
    expect((await ask(AdjustStockDocument, { movements: [{ movementId: `GR-${randomUUID()}`, sku: lantern.sku, delta: 20, occurredAt: new Date().toISOString() }] })).data!.adjustStock.recorded).toBe(1);
    expect(await stock(lantern.sku)).toMatchObject({ stockLevel: 13, inStock: true });
  });

  it('keeps catalogue and stock writes to callers holding catalogue:write and stock:write', async () => {
    const r = await ask(UpsertProductsDocument, { inputs: [product('forbidden')] }, platform.internal);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const s = await ask(SetStockLevelsDocument, { snapshotId: 'x', asOf: hoursAgo(1), levels: [] }, platform.internal);
    expect(s.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe(`offers read the ERP's live stock through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let erp: Record<string, string>;
  let cora: string;
  const spade = product('spade');
  const rake = product('rake');
  const hose = product('hose');

  const ask = <T, V>(doc: Parameters<typeof postGraphQL<T, V>>[1], variables: V, headers?: Record<string, string>) => postGraphQL(platform.gatewayUrl, doc, variables, headers ?? platform.internal);
  const offered = async () => {
    const r = await ask(CustomerNextBestOffersDocument, { id: cora, first: 20 });
    expect(r.errors).toBeUndefined();
    const customer = r.data!.customer!;
    return { eligible: customer.eligibleOffers!.map((o) => o.name).sort(), ranked: customer.nextBestOffers!.map((p) => p.offer.name).sort() };
  };
  const setLevels = async (levels: { sku: string; level: number }[], asOf = new Date().toISOString()) => {
    const r = await ask(SetStockLevelsDocument, { snapshotId: `snap-${randomUUID()}`, asOf, levels }, erp);
    expect(r.errors).toBeUndefined();
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 31, customers: 6 } });
    erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION);
    expect((await ask(UpsertProductsDocument, { inputs: [spade, rake, hose] }, erp)).errors).toBeUndefined();
    await setLevels([{ sku: spade.sku, level: 40 }, { sku: rake.sku, level: 2 }, { sku: hose.sku, level: 40 }], hoursAgo(2));
    cora = await createCustomer(platform, platform.internal, 'Cora');
    for (const purposeCode of ['MARKETING', 'PERSONALISATION', 'PROFILING']) expect((await ask(GrantConsentDocument, { input: { customerId: cora, purposeCode, channel: 'WEB' } })).errors).toBeUndefined();
    const campaign = await ask(CreateCampaignDocument, { input: { name: 'ERP stock e2e', startsAt: '2024-09-01T00:00:00Z', status: 'ACTIVE' } as never });
    for (const [name, sku] of [['erp-spade', spade.sku], ['erp-rake', rake.sku], ['erp-hose', hose.sku]]) {
      const r = await ask(CreateOfferDocument, {
        input: { campaignId: campaign.data!.createCampaign.id, name, headline: name, benefitType: 'PERCENT_DISCOUNT', benefitValue: 10, channel: 'EMAIL', personalisationType: 'COSMETIC', status: 'ACTIVE', priority: 100, skus: [sku], ...LIVE } as never,
      });
      expect(r.errors).toBeUndefined();
    }
  });
  afterAll(() => platform.close());

  const mine = (names: string[]) => names.filter((n) => n.startsWith('erp-'));

  it('offers every product the ERP has in stock', async () => {
    const { eligible, ranked } = await offered();
    expect(mine(eligible)).toEqual(['erp-hose', 'erp-rake', 'erp-spade']);
    expect(mine(ranked)).toEqual(['erp-hose', 'erp-rake', 'erp-spade']);
  });

  it('drops an offer from eligibleOffers and nextBestOffers on the next request once the ERP sets its product to 0', async () => {
    await setLevels([{ sku: spade.sku, level: 0 }]);
    const { eligible, ranked } = await offered();
    expect(mine(eligible)).toEqual(['erp-hose', 'erp-rake']);
    expect(mine(ranked)).toEqual(['erp-hose', 'erp-rake']);
  });

  it('drops an offer once recorded orders sell its last units, and one whose product the ERP retires', async () => {
    const buyer = await createCustomer(platform, platform.internal, 'Bert');
    const sold = await ask(RecordOrderDocument, { input: { customerId: buyer, sourceSystem: 'erp', externalId: `SO-${randomUUID()}`, channel: 'CALL_CENTER', currency: 'EUR', lines: [{ sku: rake.sku, quantity: 2 }] } as never }, erp);
    expect(sold.errors).toBeUndefined();
    expect((await ask(UpsertProductsDocument, { inputs: [{ ...hose, active: false }] }, erp)).errors).toBeUndefined();
    const { eligible, ranked } = await offered();
    expect(mine(eligible)).toEqual([]);
    expect(mine(ranked)).toEqual([]);
  });

  it('offers a product again when a newer ERP count restocks it, while an older count changes nothing', async () => {
    await setLevels([{ sku: spade.sku, level: 99 }], hoursAgo(5));
    expect(mine((await offered()).eligible)).toEqual([]);
    await setLevels([{ sku: spade.sku, level: 12 }]);
    expect(mine((await offered()).eligible)).toEqual(['erp-spade']);
  });
});
