import type { OfferPickPlan } from './offer-engine';
import type { OfferPickType } from './offer-pick.type';

const product = (sku: string) => ({ sku });

/** Engine plan -> API type. */
export const toOfferPickType = (plan: OfferPickPlan, customerId: string): OfferPickType => ({
  rank: plan.rank,
  offer: plan.candidate.offer,
  score: plan.score,
  reasons: plan.reasons,
  presentation: { ...plan.presentation, becauseYouBought: plan.presentation.becauseYouBought.map(product) },
  content: { products: plan.content.skus.map(product), basis: plan.content.basis, personalised: plan.content.personalised },
  options: plan.options.map((o) => ({ key: o.key, label: o.label, product: product(o.sku) })),
  customer: { id: customerId },
});
