import { BenefitType, OfferChannel, OfferStatus, PersonalisationType } from '../src/offer/offer.enums';
import type { OfferTargetingType } from '../src/offer/offer-targeting.type';
import type { CandidateOffer } from '../src/eligibility/eligibility.rules';
import type { CustomerTargetingFacts, ProductFacts } from '../src/eligibility/targeting-facts';

export const NOW = new Date('2025-06-01T12:00:00.000Z');
export const CUSTOMER = '11111111-1111-4111-8111-111111111111';
const DAY = 86_400_000;
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

const NO_RULES: OfferTargetingType = { segmentIds: [], lifecycleStages: [], minMonetary: null, minPredictedValue: null, maxChurnRisk: null, frequencyCap: null };

/** A live, untargeted MARKETING offer with no products and no holdout; override what the test is about. */
export function candidate(
  id: string,
  overrides: { priority?: number; personalisationType?: PersonalisationType; consentPurpose?: string; channel?: OfferChannel; targeting?: Partial<OfferTargetingType>; skus?: string[]; holdoutPercent?: number } = {},
): CandidateOffer {
  return {
    offer: {
      id, campaignId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', name: `offer ${id}`, headline: `Headline ${id}`, description: null,
      benefitType: BenefitType.PERCENT_DISCOUNT, benefitValue: 10, currency: null, validFrom: daysAgo(100), validUntil: daysAgo(-100),
      channel: overrides.channel ?? OfferChannel.EMAIL, personalisationType: overrides.personalisationType ?? PersonalisationType.COSMETIC,
      consentPurpose: overrides.consentPurpose ?? 'MARKETING', priority: overrides.priority ?? 0, status: OfferStatus.ACTIVE, createdAt: daysAgo(100),
      targeting: { ...NO_RULES, ...overrides.targeting },
    },
    skus: overrides.skus ?? [],
    holdout: { campaignId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', holdoutPercent: overrides.holdoutPercent ?? 0, holdoutSeed: 0 },
  };
}

export const product = (sku: string, category: string, inStock = true): [string, ProductFacts] => [sku, { sku, category, inStock }];

/** A customer who consented to everything, with known facts and no exposures; override what the test is about. */
export function facts(overrides: Partial<CustomerTargetingFacts> = {}): CustomerTargetingFacts {
  return {
    customerId: CUSTOMER,
    consent: { MARKETING: { allowed: true, reason: 'CONSENT_GRANTED' }, PERSONALISATION: { allowed: true, reason: 'CONSENT_GRANTED' } },
    segments: [],
    purchases: { value: { lifecycleStage: 'ACTIVE', monetary: 500, monetaryScore: 4, predictedValue: 800, churnRisk: 0.2 }, categories: [], skus: [] },
    products: new Map(),
    coPurchases: [],
    exposures: new Map(),
    contacts: new Map(),
    ...overrides,
  };
}
