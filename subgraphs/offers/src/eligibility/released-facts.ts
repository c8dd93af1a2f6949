import { DecisionReason, decisionUnavailable, PersonalDataCategory, type ConsentDecision } from '@c360/shared';
import type { CustomerTargetingFacts } from './targeting-facts';

/** Asks one consent decision for this request's caller (batched per request by RequestConsentDecisions). */
export type CallerDecision = (customerId: string, category: PersonalDataCategory) => Promise<ConsentDecision>;

/** Why value took no part: the caller may not receive FINANCIAL data about this customer. */
export const VALUE_NOT_RELEASED = 'CALLER';

/**
 * Derived values carry the categories of their inputs. Rather than mark every output (score,
 * rank, reasons, content, which offers are eligible at all) with the union of its inputs, the
 * engine only ever sees the facts the caller may receive for this customer: value scores and
 * lifecycle are FINANCIAL (as Customer.value), purchases, co-purchases, exposures, segment
 * memberships and stated / browsed interests BEHAVIOURAL (as the fields they mirror). Every output, including an offer's mere
 * presence, is then derived from released inputs only, and a filter on outputs cannot miss one.
 */
export async function releasedFacts(facts: CustomerTargetingFacts, decide: CallerDecision): Promise<CustomerTargetingFacts> {
  const [financial, behavioural] = await Promise.all([decide(facts.customerId, PersonalDataCategory.FINANCIAL), decide(facts.customerId, PersonalDataCategory.BEHAVIOURAL)]);
  // An undecided category is not a denied one: picks from withheld facts would silently differ (often an empty list).
  if (financial.reason === DecisionReason.DECISION_UNAVAILABLE || behavioural.reason === DecisionReason.DECISION_UNAVAILABLE) throw decisionUnavailable();
  let released = facts;
  if (!financial.allowed && facts.purchases) released = { ...released, purchases: { ...facts.purchases, value: null, valueWithheldBy: VALUE_NOT_RELEASED } };
  if (!behavioural.allowed) {
    released = {
      ...released,
      purchases: released.purchases && { ...released.purchases, categories: [], skus: [] },
      coPurchases: [],
      exposures: new Map(),
      // The policies stay (they say nothing about the customer), the counts do not: a policy of 0 still silences its channel.
      contacts: new Map([...facts.contacts].map(([channel, c]) => [channel, { ...c, shown: 0 }])),
      segments: released.segments && [],
      interests: [],
    };
  }
  return released;
}
