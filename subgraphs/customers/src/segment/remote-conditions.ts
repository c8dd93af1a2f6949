import { PeerUnavailableError, type Caller, type PeerClient, type SubgraphName } from '@c360/shared';
import { SEGMENT_FIELDS, type SegmentCondition } from '@c360/shared/segments';
import { conditionsUnavailable } from './segment.errors';
import type { ConditionSets } from './segment-predicate.sql';
import { conditionsOf, type SegmentRule } from './segment-rule';

/** Each peer's internal (@inaccessible) contract: one list of matching customer ids per condition, in order. */
const CONTRACTS: Partial<Record<SubgraphName, { field: string; query: string }>> = {
  transactions: {
    field: 'transactionSegmentMatches',
    query: `query Matches($conditions: [TransactionSegmentCondition!]!) { transactionSegmentMatches(conditions: $conditions) }`,
  },
  consent: {
    field: 'consentSegmentMatches',
    query: `query Matches($conditions: [ConsentSegmentCondition!]!) { consentSegmentMatches(conditions: $conditions) }`,
  },
};

const asContractInput = (c: SegmentCondition) => ({ field: c.field, operator: c.operator, values: c.values, withinDays: c.withinDays, partnerId: c.partnerId });

/**
 * Evaluation where the data lives: the rule's conditions owned by other subgraphs go to their
 * owner, one batched call per peer, as the same caller; each answers a set of customer ids.
 */
export class RemoteConditions {
  constructor(private readonly peers: PeerClient) {}

  async setsFor(rule: SegmentRule, caller: Caller): Promise<ConditionSets> {
    const byOwner = new Map<SubgraphName, SegmentCondition[]>();
    for (const condition of conditionsOf(rule)) {
      const owner = SEGMENT_FIELDS[condition.field].owner;
      if (owner !== 'customers') byOwner.set(owner, [...(byOwner.get(owner) ?? []), condition]);
    }
    const answers = await Promise.all([...byOwner].map(([peer, conditions]) => this.ask(peer, conditions, caller)));
    return new Map(answers.flat());
  }

  private async ask(peer: SubgraphName, conditions: SegmentCondition[], caller: Caller): Promise<[SegmentCondition, string[]][]> {
    const contract = CONTRACTS[peer]!;
    let sets: string[][];
    try {
      const data = await this.peers.query<Record<string, string[][]>>(peer, caller, contract.query, { conditions: conditions.map(asContractInput) });
      sets = data[contract.field];
    } catch (error) {
      if (error instanceof PeerUnavailableError) throw conditionsUnavailable(peer);
      throw error;
    }
    if (!Array.isArray(sets) || sets.length !== conditions.length) throw conditionsUnavailable(peer);
    return conditions.map((condition, i) => [condition, sets[i].map((id) => id.toLowerCase())]);
  }
}
