import { CallerKind, httpPeerClient, PeerDirectory, type Caller, type RequestConsentDecisions } from '@c360/shared';
import { createEligibilityLoaders, type EligibilityLoaderDeps } from '../subgraphs/offers/src/eligibility/eligibility.loaders';
import { nextBestOffers } from '../subgraphs/offers/src/eligibility/offer-engine';
import { peerTargetingSources, type CustomerFactsAnswer, type TargetingSources } from '../subgraphs/offers/src/eligibility/targeting-sources';
import { OfferRepository } from '../subgraphs/offers/src/offer/offer.repository';
import { ExposureRepository } from '../subgraphs/offers/src/eligibility/exposure.repository';
import type { CoPurchase, ProductFacts } from '../subgraphs/offers/src/eligibility/targeting-facts';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

jest.setTimeout(240_000);

/** The contract as offers asked before the restriction: every pair of every bought sku, every co-purchased product. */
const UNRESTRICTED = `query($customerIds: [ID!]!, $skus: [String!]!) {
  offerTargetingFacts(customerIds: $customerIds, skus: $skus, withCoPurchases: true) {
    customers { customerId valueWithheld lifecycleStage monetary monetaryScore predictedValue churnRisk categories { category lines } skus }
    products { sku category inStock }
    coPurchases { sku alsoBought together support confidence }
  }
}`;

interface Answer {
  offerTargetingFacts: { customers: CustomerFactsAnswer[]; products: ProductFacts[]; coPurchases: CoPurchase[] };
}

describe('offer targeting facts restricted to what the live offers can use (demo data)', () => {
  let platform: TestPlatform;
  const caller: Caller = { clientId: 'restriction-test', kind: CallerKind.INTERNAL_APP, scopes: ['customers:read', 'orders:read', 'offers:read'], purpose: 'SERVICE' };
  const transactionsCalls: { variables: Record<string, unknown>; bytes: number }[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 42, customers: 120 } });
  });
  afterAll(async () => platform?.close());

  const sub = (name: string) => platform.subgraphs.find((s) => s.name === name)!;

  it('picks the same next best offers for every customer, while fewer pairs and products travel', async () => {
    const peers = httpPeerClient(new PeerDirectory({ transactions: sub('transactions').url, customers: sub('customers').url }), platform.callerSigningKey);
    const counting = { query: async <T>(...args: Parameters<typeof peers.query>) => {
      const answer = await peers.query<T>(...args);
      if (args[0] === 'transactions') transactionsCalls.push({ variables: args[3] ?? {}, bytes: JSON.stringify(answer).length });
      return answer;
    } };
    const restricted = peerTargetingSources(counting, caller);
    const unrestricted: TargetingSources = {
      ...restricted,
      async transactions(customerIds, skus) {
        const { offerTargetingFacts: f } = await counting.query<Answer>('transactions', caller, UNRESTRICTED, { customerIds, skus });
        return {
          purchases: new Map(
            f.customers.map(({ customerId, valueWithheld, categories, skus: bought, ...value }) => [customerId, { value: valueWithheld ? null : value, categories, skus: bought }]),
          ),
          products: new Map(f.products.map((p) => [p.sku, p])),
          coPurchases: f.coPurchases,
        };
      },
    };
    const offersData = sub('offers').dataSource;
    const ids: string[] = (await sub('customers').dataSource.query('SELECT id FROM customers.customer ORDER BY created_at, id')).map((r: { id: string }) => r.id);
    const now = () => new Date();
    const picksWith = async (sources: TargetingSources) => {
      const prime = { prime: () => undefined };
      const loaders = createEligibilityLoaders({
        offers: new OfferRepository(offersData),
        offerLoaders: { offerById: prime, skusByOffer: prime },
        campaignLoaders: { campaignById: prime },
        exposures: new ExposureRepository(offersData),
        sources,
        consentFor: () => ({ decide: async () => ({ allowed: true, reason: 'CONSENT_GRANTED' }) }) as unknown as RequestConsentDecisions,
        now,
      } as unknown as EligibilityLoaderDeps);
      const candidates = await loaders.liveOffers();
      const facts = await Promise.all(ids.map((customerId) => loaders.targetingFacts.load({ customerId, ranking: true })));
      const at = now();
      return facts.map((f) => nextBestOffers(candidates, f, at, 20));
    };
    const before = await picksWith(unrestricted);
    const after = await picksWith(restricted);
    expect(after).toEqual(before);
    // The demo has picks from co-purchases, so the comparison covers the restricted part.
    expect(JSON.stringify(before)).toContain('CO_PURCHASE');
    const [full, slim] = transactionsCalls;
    expect(slim.bytes).toBeLessThan(full.bytes);
    process.stdout.write(`offerTargetingFacts for ${ids.length} customers: ${full.bytes} bytes unrestricted, ${slim.bytes} restricted\n`);
  });
});
