import { invalidSegmentRule, parseSegmentCondition, type SegmentCondition, type SegmentConditionData } from '@c360/shared/segments';

/** A rule is data: a boolean tree over conditions, stored as JSON in exactly this normalised shape. */
export type SegmentRule = { all: SegmentRule[] } | { any: SegmentRule[] } | { not: SegmentRule } | { condition: SegmentCondition };

/** A rule as it arrives (GraphQL input): exactly one key of each node must be set. */
export interface SegmentRuleData {
  all?: readonly SegmentRuleData[] | null;
  any?: readonly SegmentRuleData[] | null;
  not?: SegmentRuleData | null;
  condition?: SegmentConditionData | null;
}

export const MAX_RULE_DEPTH = 6;
export const MAX_RULE_NODES = 50;

/** Validates and normalises a rule tree; throws INVALID_SEGMENT_RULE naming the bad node's path. */
export function parseSegmentRule(data: SegmentRuleData): SegmentRule {
  let nodes = 0;
  const walk = (node: SegmentRuleData, path: string, depth: number): SegmentRule => {
    nodes += 1;
    if (nodes > MAX_RULE_NODES) throw invalidSegmentRule(path, `a rule has at most ${MAX_RULE_NODES} nodes`);
    if (depth > MAX_RULE_DEPTH) throw invalidSegmentRule(path, `a rule nests at most ${MAX_RULE_DEPTH} levels deep`);
    const set = (['all', 'any', 'not', 'condition'] as const).filter((key) => node[key] !== undefined && node[key] !== null);
    if (set.length !== 1) throw invalidSegmentRule(path, `a node sets exactly one of all, any, not, condition (got ${set.length ? set.join(', ') : 'none'})`);
    const child = (suffix: string) => (path ? `${path}.${suffix}` : suffix);
    if (node.all || node.any) {
      const key = node.all ? 'all' : 'any';
      const children = node[key]!;
      if (children.length === 0) throw invalidSegmentRule(child(key), `${key} needs at least one rule`);
      const parsed = children.map((c, i) => walk(c, child(`${key}[${i}]`), depth + 1));
      return key === 'all' ? { all: parsed } : { any: parsed };
    }
    if (node.not) return { not: walk(node.not, child('not'), depth + 1) };
    return { condition: parseSegmentCondition(node.condition!, child('condition')) };
  };
  return walk(data, '', 1);
}

/** Every condition of the tree, in tree order (the same objects, so they can key a map). */
export function conditionsOf(rule: SegmentRule): SegmentCondition[] {
  if ('condition' in rule) return [rule.condition];
  if ('not' in rule) return conditionsOf(rule.not);
  return ('all' in rule ? rule.all : rule.any).flatMap(conditionsOf);
}
