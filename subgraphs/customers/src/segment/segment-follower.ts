import type { Caller } from '@c360/shared';
import { INTERACTION_FIELDS } from './segment-predicate.sql';
import type { RemoteConditions } from './remote-conditions';
import { segmentEvaluator, type SegmentReleases } from './segment-releases';
import { conditionsOf, type SegmentRule } from './segment-rule';
import type { SegmentRepository } from './segment.repository';

const readsInteractions = (rule: SegmentRule) => conditionsOf(rule).some((c) => INTERACTION_FIELDS.has(c.field));

/**
 * Membership follows interactions: when interactions are recorded for some customers, every
 * segment whose rule reads interactions is re-evaluated for those customers only (not the whole
 * population, not at the next periodic refresh), each under its own declared purpose.
 */
export class SegmentFollower {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly remote: RemoteConditions,
    private readonly releases: SegmentReleases,
    private readonly caller: Caller,
  ) {}

  /** Returns how many segments were re-evaluated; one that fails keeps its last members (the periodic refresh catches up). */
  interactionsRecorded(customerIds: readonly string[], now = new Date()): Promise<number> {
    return this.follow(customerIds, readsInteractions, 'an interaction', now);
  }

  /**
   * A merge or an unmerge changed who these customers are (their interactions, orders and so their
   * value): every segment is re-evaluated for them. An id that no longer has a profile leaves all.
   */
  customersChanged(customerIds: readonly string[], now = new Date()): Promise<number> {
    return this.follow(customerIds, () => true, 'a merge', now);
  }

  private async follow(customerIds: readonly string[], concerned: (rule: SegmentRule) => boolean, cause: string, now: Date): Promise<number> {
    if (customerIds.length === 0) return 0;
    const rows = (await this.segments.current()).filter((row) => concerned(row.rule));
    let done = 0;
    for (const row of rows) {
      try {
        const evaluator = segmentEvaluator(this.caller, row.purpose);
        const [remote, released] = await Promise.all([this.remote.setsFor(row.rule, evaluator), this.releases.forCustomers(row.rule, evaluator, customerIds)]);
        const current = await this.segments.transaction((manager) => this.segments.materialiseFor(manager, row.id, row.version, row.rule, { remote, released }, customerIds, now));
        if (current) done++;
      } catch (error) {
        process.stderr.write(`[customers] segment ${row.id} not re-evaluated after ${cause}: ${(error as Error).message}\n`);
      }
    }
    return done;
  }
}
