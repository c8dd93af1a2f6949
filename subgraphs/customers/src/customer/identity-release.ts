import { DecisionReason, decisionUnavailable, PersonalDataCategory, type SubgraphContext } from '@c360/shared';

/** Asked for when a lookup found nobody, so that a missing id costs the same consent call as a hidden one. */
const NOBODY = '00000000-0000-4000-8000-000000000000';

/**
 * Whether a lookup by an identifier (external id, e-mail, phone) may say that this customer holds
 * it: only when the customer's IDENTITY category is released to the caller's purpose. The decision is
 * asked whether or not a customer was found (null), so an unavailable consent service fails both
 * alike (DECISION_UNAVAILABLE) and never tells a hidden customer from a missing one.
 */
export async function identityReleased(ctx: SubgraphContext, customerId: string | null): Promise<boolean> {
  const decision = await ctx.consent.decide(customerId ?? NOBODY, PersonalDataCategory.IDENTITY);
  if (decision.reason === DecisionReason.DECISION_UNAVAILABLE) throw decisionUnavailable();
  return customerId !== null && decision.allowed;
}
