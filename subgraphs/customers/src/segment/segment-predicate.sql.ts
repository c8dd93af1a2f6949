import type { PersonalDataCategory, ReleasedSet } from '@c360/shared';
import { comparisonSql, SEGMENT_FIELDS, SegmentField, type SegmentCondition, type SqlParameters } from '@c360/shared/segments';
import type { SegmentRule } from './segment-rule';

/** Customer ids of each condition another subgraph evaluated (keyed by the condition object of the rule). */
export type ConditionSets = ReadonlyMap<SegmentCondition, readonly string[]>;

/** For each category the rule reads, who it is released for under the segment's purpose (null: everyone). */
export type CategoryReleases = ReadonlyMap<PersonalDataCategory, ReleasedSet>;

/** What evaluating a rule needs besides the customer table: the peers' sets and the released sets. */
export interface EvaluationSets {
  remote: ConditionSets;
  released: CategoryReleases;
}

/**
 * Fixed SQL per field this subgraph owns, over `customers.customer c`; `now` is a bound
 * placeholder. The caller's values are always bound parameters.
 */
function ownedPredicate(condition: SegmentCondition, params: SqlParameters, now: string): string {
  const compare = (expression: string) => comparisonSql(condition, expression, params);
  const window = () => (condition.withinDays === null ? '' : `AND i.occurred_at >= ${now} - make_interval(days => ${params.bind(condition.withinDays, 'int')})`);
  // Which interactions an interaction condition looks at: the customer's, in the window, of the type / kind asked for.
  const narrowed = () => `i.customer_id = c.id ${window()} ${interactionFilter(condition, params)}`;
  const attribute = () => params.bind(condition.attributeKey, 'text');
  switch (condition.field) {
    case SegmentField.COUNTRY:
      return compare('upper(c.country_code)');
    case SegmentField.REGION:
      return compare('c.region');
    case SegmentField.ACQUISITION_CHANNEL:
      return compare('c.acquisition_channel');
    case SegmentField.CUSTOMER_SINCE_DAYS:
      return compare(`floor(extract(epoch FROM (${now} - c.created_at)) / 86400)`);
    case SegmentField.AGE:
      return compare(`date_part('year', age(${now}::date, c.birth_date))`);
    case SegmentField.INTERACTION_COUNT:
      return compare(`(SELECT count(*) FROM customers.interaction i WHERE ${narrowed()})`);
    case SegmentField.DAYS_SINCE_LAST_INTERACTION:
      return compare(`(SELECT floor(extract(epoch FROM (${now} - max(i.occurred_at))) / 86400) FROM customers.interaction i WHERE i.customer_id = c.id)`);
    case SegmentField.INTERACTION_CHANNEL:
      return `EXISTS (SELECT 1 FROM customers.interaction i WHERE ${narrowed()} AND ${compare('i.channel')})`;
    case SegmentField.INTERACTION_TYPE:
      return `EXISTS (SELECT 1 FROM customers.interaction i WHERE ${narrowed()} AND ${compare('i.type')})`;
    case SegmentField.INTERACTION_KIND:
      return `EXISTS (SELECT 1 FROM customers.interaction i WHERE ${narrowed()} AND ${compare('i.kind')})`;
    case SegmentField.INTERACTION_ATTRIBUTE: {
      const key = attribute();
      // A text attribute, or one value of an array attribute (e.g. interests: ["Garden", "Kitchen"]), case-insensitively.
      return `EXISTS (SELECT 1 FROM customers.interaction i, LATERAL (
          SELECT lower(i.attributes ->> ${key}) AS v WHERE jsonb_typeof(i.attributes -> ${key}) IN ('string', 'number', 'boolean')
          UNION ALL SELECT lower(e) FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(i.attributes -> ${key}) = 'array' THEN i.attributes -> ${key} ELSE '[]'::jsonb END) e
        ) a WHERE ${narrowed()} AND ${compare('a.v')})`;
    }
    case SegmentField.INTERACTION_ATTRIBUTE_NUMBER: {
      const key = attribute();
      return `EXISTS (SELECT 1 FROM customers.interaction i WHERE ${narrowed()} AND jsonb_typeof(i.attributes -> ${key}) = 'number' AND ${compare(`(i.attributes ->> ${key})::numeric`)})`;
    }
    default:
      throw new Error(`${condition.field} is not evaluated by the customers subgraph`);
  }
}

/** `AND i.type = ... AND i.kind = ...` for the narrowing a condition asks for (rules stored before it existed have none). */
function interactionFilter(condition: SegmentCondition, params: SqlParameters): string {
  const parts: string[] = [];
  if (condition.interactionType) parts.push(`AND i.type = ${params.bind(condition.interactionType, 'text')}`);
  if (condition.interactionKind) parts.push(`AND i.kind = ${params.bind(condition.interactionKind, 'text')}`);
  return parts.join(' ');
}

/** Fields whose conditions read the interaction timeline: a recorded interaction can change their answer. */
export const INTERACTION_FIELDS: ReadonlySet<SegmentField> = new Set([
  SegmentField.INTERACTION_COUNT,
  SegmentField.DAYS_SINCE_LAST_INTERACTION,
  SegmentField.INTERACTION_CHANNEL,
  SegmentField.INTERACTION_TYPE,
  SegmentField.INTERACTION_KIND,
  SegmentField.INTERACTION_ATTRIBUTE,
  SegmentField.INTERACTION_ATTRIBUTE_NUMBER,
]);

/**
 * The rule as one boolean SQL expression over `c`. Every condition is two-valued (unknown data
 * counts as "does not match"), so NOT is exactly "every customer minus the set".
 */
export function rulePredicate(rule: SegmentRule, sets: EvaluationSets, params: SqlParameters, now: string): string {
  if ('all' in rule) return `(${rule.all.map((r) => rulePredicate(r, sets, params, now)).join(' AND ')})`;
  if ('any' in rule) return `(${rule.any.map((r) => rulePredicate(r, sets, params, now)).join(' OR ')})`;
  if ('not' in rule) return `(NOT ${rulePredicate(rule.not, sets, params, now)})`;
  const ids = sets.remote.get(rule.condition);
  const matches = ids ? `(c.id = ANY(${params.bind(ids, 'uuid[]')}))` : `coalesce(${ownedPredicate(rule.condition, params, now)}, false)`;
  return releasedOnly(rule.condition, matches, sets.released, params);
}

/**
 * Predicates are reads: a condition matches only customers for whom every category it reads is
 * released to the segment's purpose. Under NOT such a customer is then always in (never matched),
 * whatever the hidden value, so membership tells nothing about it either way.
 */
function releasedOnly(condition: SegmentCondition, matches: string, released: CategoryReleases, params: SqlParameters): string {
  const gates = SEGMENT_FIELDS[condition.field].categories.map((category) => {
    if (!released.has(category)) throw new Error(`no released set for ${category}`); // fail closed: the service asks for every category of the rule
    const ids = released.get(category)!;
    return ids === null ? null : `c.id = ANY(${params.bind(ids, 'uuid[]')})`;
  });
  const needed = gates.filter((g): g is string => g !== null);
  return needed.length === 0 ? matches : `(${matches} AND ${needed.join(' AND ')})`;
}
