import { segmentEvaluationRetries, segmentEvaluationsPending, type Caller } from '@c360/shared';
import { INTERACTION_FIELDS } from './segment-predicate.sql';
import type { RemoteConditions } from './remote-conditions';
import { segmentEvaluator, type SegmentReleases } from './segment-releases';
import { conditionsOf, type SegmentRule } from './segment-rule';
import type { SegmentRepository } from './segment.repository';

const readsInteractions = (rule: SegmentRule) => conditionsOf(rule).some((c) => INTERACTION_FIELDS.has(c.field));

/** What asked for the re-evaluation: the label of the pending metric. */
type FollowCause = 'interaction' | 'merge' | 'retry';

export interface FollowerRetry {
  /** First wait before re-evaluating customers left pending; doubles per failed retry up to `maxMs`. */
  firstMs: number;
  maxMs: number;
  /**
   * The most customers kept waiting for a retry (memory stays bounded through a long consent outage).
   * Past it, further undecided customers are left to the periodic refresh, which re-evaluates every
   * segment within its maximum age: they keep their memberships until then, as a retried one would.
   */
  maxPending?: number;
  /** False once the data source is closed: a pending retry then stops. */
  isOpen(): boolean;
}

/**
 * Membership follows interactions: when interactions are recorded for some customers, every
 * segment whose rule reads interactions is re-evaluated for those customers only (not the whole
 * population, not at the next periodic refresh), each under its own declared purpose.
 * A customer whose consent could not be decided (or whose segment could not be evaluated) keeps
 * the memberships it had and is retried, never silently dropped.
 */
export class SegmentFollower {
  /** Customers whose last re-evaluation could not be decided: retried with backoff. */
  private readonly pending = new Set<string>();
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs: number;
  private readonly maxPending: number;
  /** The pending set is full and customers are being left to the periodic refresh (logged once per overflow). */
  private overflowing = false;

  constructor(
    private readonly segments: SegmentRepository,
    private readonly remote: RemoteConditions,
    private readonly releases: SegmentReleases,
    private readonly caller: Caller,
    private readonly retry: FollowerRetry = { firstMs: 5000, maxMs: 300_000, isOpen: () => true },
  ) {
    this.retryMs = retry.firstMs;
    this.maxPending = retry.maxPending ?? 100_000;
  }

  /** Returns how many segments were re-evaluated; a customer left undecided keeps its memberships and is retried. */
  interactionsRecorded(customerIds: readonly string[], now = new Date()): Promise<number> {
    return this.follow(customerIds, readsInteractions, 'interaction', now);
  }

  /**
   * A merge or an unmerge changed who these customers are (their interactions, orders and so their
   * value): every segment is re-evaluated for them. An id that no longer has a profile leaves all.
   */
  customersChanged(customerIds: readonly string[], now = new Date()): Promise<number> {
    return this.follow(customerIds, () => true, 'merge', now);
  }

  /** The customers waiting for a retry (operations and tests read it). */
  pendingCustomers(): string[] {
    return [...this.pending];
  }

  private async follow(customerIds: readonly string[], concerned: (rule: SegmentRule) => boolean, cause: FollowCause, now: Date): Promise<number> {
    if (customerIds.length === 0) return 0;
    const rows = (await this.segments.current()).filter((row) => concerned(row.rule));
    const undecided = new Set<string>();
    let done = 0;
    for (const row of rows) {
      try {
        const evaluator = segmentEvaluator(this.caller, row.purpose);
        const [remote, releases] = await Promise.all([this.remote.setsFor(row.rule, evaluator), this.releases.forCustomers(row.rule, evaluator, customerIds)]);
        const decided = customerIds.filter((id) => !releases.undecided.has(id));
        for (const id of releases.undecided) undecided.add(id);
        if (releases.undecided.size > 0) process.stderr.write(`[customers] segment ${row.id}: consent undecided for ${releases.undecided.size} customer(s) after a ${cause}; their memberships are kept and retried\n`);
        if (decided.length === 0) continue;
        const current = await this.segments.transaction((manager) => this.segments.materialiseFor(manager, row.id, row.version, row.rule, { remote, released: releases.released }, decided, now));
        if (current) done++;
      } catch (error) {
        for (const id of customerIds) undecided.add(id);
        process.stderr.write(`[customers] segment ${row.id} not re-evaluated after a ${cause}: ${(error as Error).message}; memberships kept and retried\n`);
      }
    }
    this.settle(customerIds, undecided, cause);
    return done;
  }

  /** Customers decided now leave the pending set; undecided ones join it and a retry is scheduled. */
  private settle(asked: readonly string[], undecided: ReadonlySet<string>, cause: FollowCause): void {
    for (const id of asked) if (!undecided.has(id)) this.pending.delete(id);
    const room = Math.max(0, this.maxPending - this.pending.size);
    const fresh = [...undecided].filter((id) => !this.pending.has(id));
    const kept = fresh.slice(0, room);
    if (kept.length > 0) segmentEvaluationsPending.inc({ service: 'customers', cause }, kept.length);
    if (fresh.length > kept.length) {
      segmentEvaluationsPending.inc({ service: 'customers', cause: 'overflow' }, fresh.length - kept.length);
      // Once per overflow, not once per write during it: the metric counts every customer left over.
      if (!this.overflowing) process.stderr.write(`[customers] undecided customers past the retry limit of ${this.maxPending}: left to the periodic segment refresh (counted in c360_segment_evaluations_pending_total, cause "overflow", until the retries drain)\n`);
      this.overflowing = true;
    }
    for (const id of kept) this.pending.add(id);
    if (this.pending.size < this.maxPending) this.overflowing = false;
    if (this.pending.size === 0) this.retryMs = this.retry.firstMs;
    else this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.retry.maxMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.retry.isOpen() || this.pending.size === 0) return;
      // Every segment: what the customers missed may be an interaction or a merge.
      void this.follow([...this.pending], () => true, 'retry', new Date())
        .then(() => segmentEvaluationRetries.inc({ service: 'customers', outcome: this.pending.size === 0 ? 'ok' : 'pending' }))
        .catch((error: Error) => {
          process.stderr.write(`[customers] pending segment re-evaluation failed: ${error.message}\n`);
          if (this.retry.isOpen()) this.scheduleRetry();
        });
    }, wait);
    this.retryTimer.unref();
  }
}
