import type { RequestConsentDecisions } from '@c360/shared';
import { createEligibilityLoaders, type EligibilityLoaderDeps } from '../src/eligibility/eligibility.loaders';
import type { TargetingSources } from '../src/eligibility/targeting-sources';
import type { CoPurchase, PurchaseFacts } from '../src/eligibility/targeting-facts';
import type { LiveOffer } from '../src/offer/offer.repository';
import { NOW } from './engine-fixtures';

const [ANN, BOB, CY] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
const pair = (sku: string, alsoBought: string, confidence: number): CoPurchase => ({ sku, alsoBought, together: 5, support: 0.05, confidence });
const bought = (...skus: string[]): PurchaseFacts => ({ value: null, categories: [], skus });

/** One live COLLABORATIVE offer, so the ranking asks for co-purchases. */
const LIVE_OFFER = {
  id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', campaignId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', name: 'offer', headline: 'Headline', description: null,
  benefitType: 'PERCENT_DISCOUNT', benefitValue: 10, currency: null, validFrom: new Date(0), validUntil: new Date('2099-01-01'), channel: 'EMAIL',
  personalisationType: 'COLLABORATIVE', consentPurpose: 'PERSONALISATION', priority: 0, status: 'ACTIVE',
  targetSegmentIds: [], targetLifecycleStages: [], minMonetary: null, minPredictedValue: null, maxChurnRisk: null, frequencyCap: null, frequencyCapDays: null,
  createdAt: new Date(0), updatedAt: new Date(0),
  campaign: { id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', holdoutPercent: 0, holdoutSeed: 0 },
  products: [],
} as unknown as LiveOffer;

function loadersOver(coPurchases: CoPurchase[], purchases: Map<string, PurchaseFacts>) {
  const prime = { prime: () => undefined };
  const sources: TargetingSources = {
    transactions: async () => ({ purchases, products: new Map(), coPurchases }),
    segments: async () => new Map(),
  };
  const deps = {
    offers: { findLive: async () => [LIVE_OFFER] },
    offerLoaders: { offerById: prime, skusByOffer: prime },
    campaignLoaders: { campaignById: prime },
    exposures: { exposures: async () => ({ byOffer: [], byChannel: [] }) },
    sources,
    consentFor: () => ({ decide: async () => ({ allowed: true, reason: 'CONSENT_GRANTED' }) }) as unknown as RequestConsentDecisions,
    now: () => NOW,
  } as unknown as EligibilityLoaderDeps;
  return createEligibilityLoaders(deps);
}

describe('eligibility loaders', () => {
  it("gives each customer only the batch's co-purchase pairs from skus they bought, in the peer's order", async () => {
    const pairs = [pair('S1', 'S9', 0.2), pair('S2', 'S8', 0.9), pair('S3', 'S7', 0.5), pair('S1', 'S8', 0.4), pair('S2', 'S9', 0.1)];
    const loaders = loadersOver(pairs, new Map([[ANN, bought('S1', 'S2', 'S1')], [BOB, bought('S3')], [CY, bought()]]));
    const [ann, bob, cy, nobody] = await Promise.all(
      [ANN, BOB, CY, '44444444-4444-4444-8444-444444444444'].map((customerId) => loaders.targetingFacts.load({ customerId, ranking: true })),
    );
    expect(ann.coPurchases).toEqual([pairs[0], pairs[1], pairs[3], pairs[4]]);
    expect(bob.coPurchases).toEqual([pairs[2]]);
    expect(cy.coPurchases).toEqual([]);
    expect(nobody.coPurchases).toEqual([]);
  });
});
