import { categoryNotCovered, DecisionReason, DomainError, ErrorCode, releasedSet, RequestConsentDecisions, type Caller, type ConsentDecider, type PersonalDataCategory } from '@c360/shared';
import { SEGMENT_FIELDS } from '@c360/shared/segments';
import type { CategoryReleases } from './segment-predicate.sql';
import { conditionsOf, type SegmentRule } from './segment-rule';

/** Released sets for a few customers, and those whose decisions could not be made (their memberships are left as they are). */
export interface CustomerReleases {
  released: CategoryReleases;
  undecided: ReadonlySet<string>;
}

/** The caller a segment is evaluated as: whoever triggers it, judged under the segment's declared purpose. */
export const segmentEvaluator = (caller: Caller, purpose: string): Caller => ({ ...caller, purpose });

/** A segment is written for its writer's declared purpose; without one there is nothing to judge its conditions by. */
export function declaredPurpose(caller: Caller): string {
  if (!caller.purpose) throw new DomainError(ErrorCode.FORBIDDEN, 'A segment is evaluated for a purpose, and this caller declares none', { reason: 'NO_PURPOSE' });
  return caller.purpose;
}

/**
 * Segment rules as reads: for the categories a rule reads, the customers each is released for
 * under the segment's purpose, one consent call per evaluation (not per condition or customer).
 */
export class SegmentReleases {
  constructor(private readonly decider: ConsentDecider) {}

  /**
   * The same released sets restricted to a few customers (re-evaluating their memberships after
   * an interaction): one batched per-customer decision instead of the whole audience. A customer
   * with any decision that could not be made is `undecided`: never read as "not released", which
   * would silently drop their memberships.
   */
  async forCustomers(rule: SegmentRule, evaluator: Caller, customerIds: readonly string[]): Promise<CustomerReleases> {
    const categories = [...new Set(conditionsOf(rule).flatMap((c) => SEGMENT_FIELDS[c.field].categories))];
    if (categories.length === 0) return { released: new Map(), undecided: new Set() };
    const decisions = await this.decider.decide(
      evaluator,
      categories.flatMap((category) => customerIds.map((customerId) => ({ customerId, category }))),
    );
    const asked = new Set(customerIds);
    const answered = new Set(decisions.map((d) => `${d.customerId}\u0000${d.category}`));
    // A decision missing from the answer is as undecided as one answered DECISION_UNAVAILABLE.
    const undecided = new Set(decisions.filter((d) => d.reason === DecisionReason.DECISION_UNAVAILABLE).map((d) => d.customerId));
    for (const customerId of asked) if (categories.some((category) => !answered.has(`${customerId}\u0000${category}`))) undecided.add(customerId);
    const released = new Map(categories.map((category) => [category, decisions.filter((d) => d.category === category && d.allowed && !undecided.has(d.customerId)).map((d) => d.customerId)]));
    return { released, undecided };
  }

  /**
   * `refuseUncovered` (writes): a condition over a category the purpose never releases is
   * refused with FORBIDDEN naming it. On re-evaluation such a condition simply matches nobody.
   */
  async forRule(rule: SegmentRule, evaluator: Caller, refuseUncovered: boolean): Promise<CategoryReleases> {
    const fieldsByCategory = new Map<PersonalDataCategory, string>();
    for (const condition of conditionsOf(rule)) for (const category of SEGMENT_FIELDS[condition.field].categories) fieldsByCategory.set(category, condition.field);
    if (fieldsByCategory.size === 0) return new Map();
    const audiences = await new RequestConsentDecisions(evaluator, this.decider).categoryAudiences([...fieldsByCategory.keys()]);
    const released = new Map<PersonalDataCategory, readonly string[] | null>();
    for (const [category, field] of fieldsByCategory) {
      const audience = audiences.get(category)!;
      if (!audience.covered && refuseUncovered) throw categoryNotCovered(category, evaluator.purpose, `A ${field} condition`);
      released.set(category, releasedSet(audience));
    }
    return released;
  }
}
