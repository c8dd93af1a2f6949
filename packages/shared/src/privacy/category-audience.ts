import type { Caller } from '../context/caller';
import { hasScope } from '../context/caller';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { DecisionReason } from './decision-reason';
import type { PersonalDataCategory } from './personal-data';

/**
 * The customers for whom one category would be released to a caller: what a filter, search,
 * sort or segment condition over that category may match ("predicates are reads").
 * `covered: false` means the caller's purpose never releases the category to anyone, so a
 * predicate over it is refused outright rather than answered with an empty (yet telling) set.
 */
export interface CategoryAudience {
  category: PersonalDataCategory;
  covered: boolean;
  everyone: boolean;
  customerIds: string[];
}

/** Who may be matched on a category: null = everyone (the SQL adds nothing), else exactly these ids. */
export type ReleasedSet = readonly string[] | null;

export const releasedSet = (audience: CategoryAudience): ReleasedSet => (audience.covered && audience.everyone ? null : audience.covered ? audience.customerIds : []);

export const categoryNotCovered = (category: PersonalDataCategory, purpose: string | null | undefined, what: string) =>
  new DomainError(ErrorCode.FORBIDDEN, `${what} reads ${category} data, which purpose ${purpose ?? '(none)'} never releases`, {
    reason: DecisionReason.CATEGORY_NOT_COVERED,
    category,
    purpose: purpose ?? null,
  });

/** Fail closed, visibly: a predicate whose decision could not be made is an error, never an empty match. */
export const predicateDecisionUnavailable = () =>
  new DomainError(ErrorCode.DECISION_UNAVAILABLE, 'The consent decision for this filter could not be made; nothing was matched', { reason: DecisionReason.DECISION_UNAVAILABLE });

/** Refuses a predicate over personal data to a caller who may not read personal data at all. */
export function assertMayFilterOnPersonalData(caller: Caller, scope: string, what: string): void {
  if (!hasScope(caller, scope)) throw new DomainError(ErrorCode.FORBIDDEN, `Filtering on ${what} requires the ${scope} scope`, { scope });
}
