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
  interactionType?: string | null;
  interactionKind?: string | null;
  attributeKey?: string | null;
}

/** A validated, normalised condition. */
export interface SegmentCondition {
  field: SegmentField;
  operator: SegmentOperator;
  values: string[];
  withinDays: number | null;
  partnerId: string | null;
  /** Interaction conditions only: look at interactions of this type (UPPER_SNAKE_CASE) / kind (ACTIVE, PASSIVE) only. */
  interactionType?: string | null;
  interactionKind?: string | null;
  /** INTERACTION_ATTRIBUTE(_NUMBER): the attribute of the interaction compared, e.g. `category`, `nps`. */
  attributeKey?: string | null;
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
const INTERACTION_TYPE = /^[A-Z][A-Z0-9_]{1,63}$/;
const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** The interaction narrowing of a condition (type, kind, attribute key); messages never repeat the values given. */
function parseInteractionParts(data: SegmentConditionData, at: (suffix: string) => string) {
  const spec = SEGMENT_FIELDS[data.field as SegmentField];
  const interactionType = data.interactionType ?? null;
  const interactionKind = data.interactionKind ?? null;
  const attributeKey = data.attributeKey ?? null;
  if ((interactionType !== null || interactionKind !== null) && !spec.interactionFilter) {
    throw invalidSegmentRule(at(interactionType !== null ? 'interactionType' : 'interactionKind'), `${data.field} cannot be narrowed by interaction type or kind`);
  }
  if (interactionType !== null && !INTERACTION_TYPE.test(interactionType)) throw invalidSegmentRule(at('interactionType'), 'interactionType must be UPPER_SNAKE_CASE, e.g. SURVEY_ANSWER');
  if (interactionKind !== null && interactionKind !== 'ACTIVE' && interactionKind !== 'PASSIVE') throw invalidSegmentRule(at('interactionKind'), 'interactionKind is ACTIVE or PASSIVE');
  if (spec.attributeKey && attributeKey === null) throw invalidSegmentRule(at('attributeKey'), `${data.field} needs an attributeKey`);
  if (!spec.attributeKey && attributeKey !== null) throw invalidSegmentRule(at('attributeKey'), `${data.field} compares no attribute`);
  if (attributeKey !== null && !ATTRIBUTE_KEY.test(attributeKey)) throw invalidSegmentRule(at('attributeKey'), 'attributeKey is 1 to 64 letters, digits or underscores, starting with a letter');
  if (!spec.interactionFilter && !spec.attributeKey) return {};
  return { interactionType, interactionKind, attributeKey };
}

/** Checks a condition against the vocabulary; throws invalidSegmentRule naming `path` (the condition's path). */
export function parseSegmentCondition(data: SegmentConditionData, path: string, expectedOwner?: SegmentFieldOwner): SegmentCondition {
  const at = (suffix: string) => `${path}.${suffix}`;
  const spec = SEGMENT_FIELDS[data.field as SegmentField];
  if (!spec) throw invalidSegmentRule(at('field'), `unknown field`);
  if (expectedOwner && spec.owner !== expectedOwner) throw invalidSegmentRule(at('field'), `${data.field} is evaluated by the ${spec.owner} subgraph, not ${expectedOwner}`);
  const operator = data.operator as SegmentOperator;
  if (!operatorsOf(spec).includes(operator)) throw invalidSegmentRule(at('operator'), `${data.field} takes ${operatorsOf(spec).join(', ')}`);
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
  return { field: data.field as SegmentField, operator, values: [...new Set(values)], withinDays, partnerId, ...parseInteractionParts(data, at) };
}

function normaliseValue(field: SegmentField, raw: string, path: string): string {
  const spec = SEGMENT_FIELDS[field];
  if (spec.kind === 'NUMBER') {
    const trimmed = raw.trim();
    if (trimmed === '' || !Number.isFinite(Number(trimmed))) throw invalidSegmentRule(path, `${field} compares numbers`);
    return String(Number(trimmed));
  }
  const value = spec.upperCase ? raw.trim().toUpperCase() : spec.lowerCase ? raw.trim().toLowerCase() : raw.trim();
  if (spec.allowedValues && !spec.allowedValues.includes(value)) throw invalidSegmentRule(path, `${field} is one of ${spec.allowedValues.join(', ')}`);
  if (spec.pattern && !spec.pattern.test(value)) throw invalidSegmentRule(path, `not a valid ${field} value`);
  return value;
}
