import { parseSegmentCondition, type SegmentConditionData } from '@c360/shared/segments';
import type { DecisionRepository } from '../decision/decision.repository';

/**
 * CONSENT_GRANTED, set-wise: customers whose latest ledger event for the purpose (and partner,
 * when named) is a grant under a notice version the purpose still accepts — the same reading
 * of the ledger as consent decisions and audiences. IN means a grant for any of the purposes.
 */
export class SegmentConditionService {
  constructor(private readonly decisions: DecisionRepository) {}

  async matches(conditions: readonly SegmentConditionData[]): Promise<string[][]> {
    const parsed = conditions.map((c, i) => parseSegmentCondition(c, `conditions[${i}]`, 'consent'));
    const sets: string[][] = [];
    for (const condition of parsed) {
      const granted = new Set<string>();
      for (const purposeCode of condition.values) for (const id of await this.decisions.granted(purposeCode, condition.partnerId)) granted.add(id);
      sets.push([...granted]);
    }
    return sets;
  }
}
