import { RecordingDisclosureRecorder, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { demoProducts } from '@c360/shared';
import { offersSubgraph } from '../src';
import { buildOffersDemo, seedOffersDemoData } from '../src/demo/seed-offers';
import { fakeConsent, fakeConsentDecider, fakePeers, fakeWorld } from './fake-peers';

describe(`offers demo data on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const options = { seed: 42, customers: 100 };
  const world = fakeWorld();

  beforeAll(async () => {
    for (const p of demoProducts(options)) world.products.set(p.sku, { category: p.category, inStock: p.stockLevel > 0 });
    harness = await startSubgraphHarness(offersSubgraph, { consentDecider: fakeConsentDecider(fakeConsent()), disclosureRecorder: new RecordingDisclosureRecorder() }, fakePeers(world));
  });
  afterAll(() => harness.close());

  it('builds the same rows for the same seed and different ids for another', () => {
    expect(buildOffersDemo(options)).toEqual(buildOffersDemo(options));
    expect(buildOffersDemo({ seed: 7 }).offers[0].id).not.toBe(buildOffersDemo(options).offers[0].id);
  });

  it('loads 20 offers in 5 campaigns, once', async () => {
    expect(await seedOffersDemoData(harness.dataSource, options)).toBe(true);
    expect(await seedOffersDemoData(harness.dataSource, options)).toBe(false);
    const [{ offers, campaigns }] = await harness.dataSource.query(
      'SELECT (SELECT count(*)::int FROM offers.offer) AS offers, (SELECT count(*)::int FROM offers.campaign) AS campaigns',
    );
    expect({ offers, campaigns }).toEqual({ offers: 20, campaigns: 5 });
  });

  it('covers every personalisation type, several channels and some out-of-stock products', async () => {
    const result = await harness.execute<{ offers: { edges: { node: { personalisationType: string; channel: string; status: string; products: { sku: string }[] } }[] } }>(
      `{ offers(first: 100) { edges { node { personalisationType channel status products { sku } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.offers.edges.map((e) => e.node);
    const soldOut = new Set(demoProducts(options).filter((p) => p.stockLevel === 0).map((p) => p.sku));
    expect(new Set(nodes.map((n) => n.personalisationType))).toEqual(new Set(['COSMETIC', 'ADAPTIVE', 'TRANSPARENT', 'COLLABORATIVE']));
    expect(new Set(nodes.map((n) => n.channel)).size).toBeGreaterThanOrEqual(5);
    expect(nodes.filter((n) => n.status !== 'ACTIVE').length).toBeGreaterThan(0);
    expect(nodes.some((n) => n.products.some((p) => soldOut.has(p.sku)))).toBe(true);
  });

  it('keeps the untargeted demo offers eligible for a prospect without depending on the current date; the targeted and sold-out ones are not', async () => {
    const result = await harness.execute<{ _entities: { eligibleOffers: { name: string }[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { eligibleOffers { name } } } }`,
      { r: [{ __typename: 'Customer', id: '00000000-0000-4000-8000-000000000001' }] } as never,
    );
    const live = buildOffersDemo(options).offers.filter((o) => o.status === 'ACTIVE').map((o) => o.name);
    const notForProspects = ['school-tablet-deal', 'summer-camping-weekend', 'bf-40-percent', 'loyalty-double-points-grocery', 'loyalty-birthday-gift'];
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0].eligibleOffers.map((o) => o.name).sort()).toEqual(live.filter((n) => !notForProspects.includes(n as string)).sort());
  });
});
