import { parseSegmentCondition, SegmentField, VALUE_FIELDS, type SegmentConditionData } from '@c360/shared/segments';
import type { SegmentConditionRepository } from './segment-condition.repository';

/** Customers whose value scores may be used (PROFILING consent); null means everyone. */
export type ProfiledPopulation = () => Promise<readonly string[] | null>;

/**
 * Evaluates the customers subgraph's segment conditions on value and purchases, here where
 * the data lives. Value conditions never match a customer whose scores are withheld (no
 * PROFILING consent), exactly as Customer.value withholds them.
 */
export class SegmentConditionService {
  constructor(private readonly repository: SegmentConditionRepository) {}

  async matches(conditions: readonly SegmentConditionData[], profiled: ProfiledPopulation, now = new Date()): Promise<string[][]> {
    const parsed = conditions.map((c, i) => parseSegmentCondition(c, `conditions[${i}]`, 'transactions'));
    const population = parsed.some((c) => VALUE_FIELDS.has(c.field)) ? await profiled() : null;
    const sets: string[][] = [];
    for (const condition of parsed) {
      sets.push(condition.field === SegmentField.PURCHASED_CATEGORY ? await this.repository.purchasedCategory(condition, now) : await this.repository.valueMatches(condition, population));
    }
    return sets;
  }
}
