import { SEGMENT_FIELDS } from './segment-vocabulary';
import { SegmentOperator } from './segment-vocabulary';
import type { SegmentCondition } from './segment-condition';

/** Positional parameters for one statement: values are always bound, never spliced into SQL text. */
export class SqlParameters {
  readonly values: unknown[] = [];

  /** Binds a value and returns its placeholder, cast as given (e.g. `$3::numeric`). */
  bind(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

const COMPARISON: Partial<Record<SegmentOperator, string>> = { GT: '>', GTE: '>=', LT: '<', LTE: '<=', EQ: '=' };

/**
 * `expression <operator> values` as a SQL predicate, with the values bound as parameters.
 * `expression` is fixed SQL chosen by the owning subgraph for the field, never caller text.
 */
export function comparisonSql(condition: SegmentCondition, expression: string, params: SqlParameters): string {
  const cast = SEGMENT_FIELDS[condition.field].kind === 'NUMBER' ? 'numeric' : 'text';
  const { operator, values } = condition;
  if (operator === SegmentOperator.IN) return `${expression} = ANY(${params.bind(values, `${cast}[]`)})`;
  if (operator === SegmentOperator.BETWEEN) return `${expression} BETWEEN ${params.bind(values[0], cast)} AND ${params.bind(values[1], cast)}`;
  return `${expression} ${COMPARISON[operator]} ${params.bind(values[0], cast)}`;
}

const DAY_MS = 86_400_000;

/** The start of a condition's `withinDays` window, or null for all time. */
export const windowStart = (condition: SegmentCondition, now: Date): Date | null =>
  condition.withinDays === null ? null : new Date(now.getTime() - condition.withinDays * DAY_MS);
