import { assertMayFilterOnPersonalData, categoryNotCovered, DomainError, ErrorCode, PII_SCOPE, releasedSet, type PersonalDataCategory } from '@c360/shared';
import { SEGMENT_FIELDS } from '@c360/shared/segments';
import type { CustomersContext } from '../context';
import { conditionsOf, type SegmentRule } from './segment-rule';
import { NONE, type MemberRelease } from './segment-membership.service';

/**
 * Membership is a predicate's answer, so reading it is reading the categories the rule reads:
 * a reader sees only the members for whom each of them is released to it (null: all members),
 * and is refused (FORBIDDEN) when its purpose never releases one of them, or without the PII scope.
 */
export function readerGate(ctx: CustomersContext, rule: SegmentRule): Promise<readonly string[] | null> {
  const categories = [...new Set(conditionsOf(rule).flatMap((c) => SEGMENT_FIELDS[c.field].categories))].sort();
  if (categories.length === 0) return Promise.resolve(null);
  const key = categories.join(',');
  let gate = ctx.loaders.readerGates.get(key);
  if (!gate) ctx.loaders.readerGates.set(key, (gate = computeGate(ctx, categories)));
  return gate;
}

async function computeGate(ctx: CustomersContext, categories: PersonalDataCategory[]): Promise<readonly string[] | null> {
  assertMayFilterOnPersonalData(ctx.caller, PII_SCOPE, `the members of a segment with ${categories.join(', ')} conditions`);
  const audiences = await ctx.consent.categoryAudiences(categories);
  let gate: readonly string[] | null = null;
  for (const category of categories) {
    const audience = audiences.get(category)!;
    if (!audience.covered) throw categoryNotCovered(category, ctx.caller.purpose, 'Reading the members of a segment with such a condition');
    const released = releasedSet(audience);
    if (released === null) continue;
    const within: ReadonlySet<string> | null = gate === null ? null : new Set(gate);
    gate = within === null ? released : released.filter((id) => within.has(id));
  }
  return gate;
}

/**
 * The same gate for an answer that lists memberships (offers targeting): a segment whose
 * categories the caller may never read is simply no fact about anyone, not an error.
 */
export async function membershipRelease(ctx: CustomersContext, rule: SegmentRule): Promise<MemberRelease> {
  try {
    return await readerGate(ctx, rule);
  } catch (error) {
    if (error instanceof DomainError && error.extensions.code === ErrorCode.FORBIDDEN) return NONE;
    throw error;
  }
}

/**
 * A recorded size (a version's count at its evaluation, a size snapshot) is a figure over the
 * members as they were, not over today's released set, so it cannot be narrowed to the reader the
 * way the current count is. It is released when the reader's gate is everyone (the figure is
 * exactly what the reader may count), or when the reader judges under the purpose the figure was
 * evaluated for (it counted only customers released to that purpose then). Otherwise, and always
 * when the reader's purpose never covers a condition's category, it is withheld (FORBIDDEN).
 */
export async function assertMayReadRecordedSize(ctx: CustomersContext, rule: SegmentRule, evaluatedFor: string): Promise<void> {
  const gate = await readerGate(ctx, rule);
  if (gate === null || ctx.caller.purpose === evaluatedFor) return;
  throw new DomainError(ErrorCode.FORBIDDEN, `A recorded segment size was evaluated for another purpose, and this caller may count only some of its members`, {
    reason: 'RECORDED_FOR_OTHER_PURPOSE',
    purpose: ctx.caller.purpose ?? null,
  });
}
