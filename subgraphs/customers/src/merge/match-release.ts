import { DecisionReason, decisionUnavailable, PersonalDataCategory, type ConsentDecision } from '@c360/shared';
import { MatchIdentifier } from './merge.enums';

/** The category of the field each identifier compares, as that field is marked on Customer. */
const MATCH_CATEGORY: Record<MatchIdentifier, PersonalDataCategory> = {
  [MatchIdentifier.EMAIL]: PersonalDataCategory.CONTACT,
  [MatchIdentifier.PHONE]: PersonalDataCategory.CONTACT,
  [MatchIdentifier.EXTERNAL_ID]: PersonalDataCategory.IDENTITY,
};

export type MatchDecision = (customerId: string, category: PersonalDataCategory) => Promise<ConsentDecision>;

/**
 * Whether the caller may learn that two customers share this identifier: that tells each one's
 * value to whoever may read the other's, so both customers' values must be released to it.
 * An undecided category fails visibly rather than answering "no duplicates".
 */
export async function matchReleased(decide: MatchDecision, identifier: MatchIdentifier, customerIds: readonly [string, string]): Promise<boolean> {
  const decisions = await Promise.all(customerIds.map((id) => decide(id, MATCH_CATEGORY[identifier])));
  if (decisions.some((d) => d.reason === DecisionReason.DECISION_UNAVAILABLE)) throw decisionUnavailable();
  return decisions.every((d) => d.allowed);
}
