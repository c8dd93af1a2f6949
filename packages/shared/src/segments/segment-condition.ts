import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { SEGMENT_FIELDS, SegmentField, SegmentOperator, operatorsOf, type SegmentFieldOwner } from './segment-vocabulary';

/** One condition as every subgraph receives it (GraphQL input or stored JSON): not yet trusted. */
export interface SegmentConditionData {
  field: string;
  operator: string;
  values: readonly string[];
  withinDays?: number | null;
  partnerId?: string | null;
}

/** A validated, normalised condition. */
export interface SegmentCondition {
  field: SegmentField;
  operator: SegmentOperator;
  values: string[];
  withinDays: number | null;
  partnerId: string | null;
}

export const INVALID_SEGMENT_RULE = 'INVALID_SEGMENT_RULE';
export const MAX_CONDITION_VALUES = 100;
export const MAX_WITHIN_DAYS = 3650;

/** BAD_USER_INPUT with reason INVALID_SEGMENT_RULE and the path of the offending node, e.g. `all[1].condition.values`. */
export const invalidSegmentRule = (rulePath: string, message: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, `Invalid segment rule at ${rulePath || 'the root'}: ${message}`, { reason: INVALID_SEGMENT_RULE, rulePath });

const VALUE_COUNT: Record<SegmentOperator, [number, number]> = {
  EQ: [1, 1],
  IN: [1, MAX_CONDITION_VALUES],
  GT: [1, 1],
  GTE: [1, 1],
  LT: [1, 1],
  LTE: [1, 1],
  BETWEEN: [2, 2],
};

const PARTNER_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Checks a condition against the vocabulary; throws invalidSegmentRule naming `path` (the condition's path). */
export function parseSegmentCondition(data: SegmentConditionData, path: string, expectedOwner?: SegmentFieldOwner): SegmentCondition {
  const at = (suffix: string) => `${path}.${suffix}`;
  const spec = SEGMENT_FIELDS[data.field as SegmentField];
  if (!spec) throw invalidSegmentRule(at('field'), `unknown field ${data.field}`);
  if (expectedOwner && spec.owner !== expectedOwner) throw invalidSegmentRule(at('field'), `${data.field} is evaluated by the ${spec.owner} subgraph, not ${expectedOwner}`);
  const operator = data.operator as SegmentOperator;
  if (!operatorsOf(spec).includes(operator)) throw invalidSegmentRule(at('operator'), `${data.field} takes ${operatorsOf(spec).join(', ')}, not ${data.operator}`);
  const [least, most] = VALUE_COUNT[operator];
  if (data.values.length < least || data.values.length > most) {
    throw invalidSegmentRule(at('values'), least === most ? `${operator} takes exactly ${least} value(s)` : `${operator} takes ${least} to ${most} values`);
  }
  const values = data.values.map((raw, i) => normaliseValue(data.field as SegmentField, raw, at(`values[${i}]`)));
  if (operator === SegmentOperator.BETWEEN && Number(values[0]) > Number(values[1])) throw invalidSegmentRule(at('values'), 'BETWEEN needs the lower bound first');
  const withinDays = data.withinDays ?? null;
  if (withinDays !== null) {
    if (!spec.withinDays) throw invalidSegmentRule(at('withinDays'), `${data.field} has no time window`);
    if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > MAX_WITHIN_DAYS) throw invalidSegmentRule(at('withinDays'), `withinDays must be 1 to ${MAX_WITHIN_DAYS}`);
  }
  const partnerId = data.partnerId ?? null;
  if (partnerId !== null) {
    if (!spec.partner) throw invalidSegmentRule(at('partnerId'), `${data.field} names no partner`);
    if (!PARTNER_ID.test(partnerId)) throw invalidSegmentRule(at('partnerId'), 'not a partner id');
  }
  return { field: data.field as SegmentField, operator, values: [...new Set(values)], withinDays, partnerId };
}

function normaliseValue(field: SegmentField, raw: string, path: string): string {
  const spec = SEGMENT_FIELDS[field];
  if (spec.kind === 'NUMBER') {
    const trimmed = raw.trim();
    if (trimmed === '' || !Number.isFinite(Number(trimmed))) throw invalidSegmentRule(path, `${field} compares numbers, got "${raw}"`);
    return String(Number(trimmed));
  }
  const value = spec.upperCase ? raw.trim().toUpperCase() : raw.trim();
  if (spec.allowedValues && !spec.allowedValues.includes(value)) throw invalidSegmentRule(path, `${field} is one of ${spec.allowedValues.join(', ')}, got "${raw}"`);
  if (spec.pattern && !spec.pattern.test(value)) throw invalidSegmentRule(path, `"${raw}" is not a valid ${field} value`);
  return value;
}
