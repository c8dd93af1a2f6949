import { assertMayFilterOnPersonalData, categoryNotCovered, PersonalDataCategory, PII_SCOPE, releasedSet, type SubgraphContext } from '@c360/shared';
import type { CustomerFilter } from './customer.input';

/** Which customers each personal predicate may match; an absent key matches everyone it otherwise would. */
export interface FilterReleases {
  names?: readonly string[];
  email?: readonly string[];
  country?: readonly string[];
}

/** The personal filter fields and the categories they read, as those fields are marked on Customer. */
const PERSONAL_PREDICATES = [
  { key: 'names', uses: (f: CustomerFilter) => !!f.search, category: PersonalDataCategory.IDENTITY, what: 'search (names)' },
  { key: 'email', uses: (f: CustomerFilter) => !!f.search, category: PersonalDataCategory.CONTACT, what: 'search (email)' },
  { key: 'country', uses: (f: CustomerFilter) => !!f.countryCode, category: PersonalDataCategory.LOCATION, what: 'countryCode' },
] as const;

/**
 * Predicates are reads: a filter over a personal field may only match customers for whom that
 * field's category would be released to this caller, or a count would tell what the field hides.
 * Without the PII scope, or when the caller's purpose never releases the category, the filter is
 * refused (FORBIDDEN) instead of answering an empty list that still says something.
 */
export async function releasesFor(ctx: SubgraphContext, filter: CustomerFilter | null | undefined): Promise<FilterReleases> {
  const used = filter ? PERSONAL_PREDICATES.filter((p) => p.uses(filter)) : [];
  if (used.length === 0) return {};
  assertMayFilterOnPersonalData(ctx.caller, PII_SCOPE, used.map((p) => p.what).join(', '));
  const audiences = await ctx.consent.categoryAudiences(used.map((p) => p.category));
  const releases: FilterReleases = {};
  for (const predicate of used) {
    const audience = audiences.get(predicate.category)!;
    if (!audience.covered) throw categoryNotCovered(predicate.category, ctx.caller.purpose, `Filtering on ${predicate.what}`);
    const ids = releasedSet(audience);
    if (ids !== null) releases[predicate.key] = ids;
  }
  return releases;
}
