import { randomUUID } from 'node:crypto';
import type { Caller } from '@c360/shared';
import { matchReleased, type MatchDecision } from './match-release';
import { CustomerMergeState, MatchIdentifier } from './merge.enums';
import { mergeCustomerNotFound, mergeInProgress, mergeNotFound, notMerged, sameCustomer, survivorChanged, undoWindowClosed } from './merge.errors';
import { mergeFailureReason, type MergeParticipant } from './merge.participants';
import type { MergeRepository, MergeRow, MovedCount } from './merge.repository';
import type { MergeSettings } from './merge.settings';

export interface Evidence {
  identifier: MatchIdentifier;
  rule: string;
  system: string | null;
}

const RULES: Record<MatchIdentifier, string> = {
  [MatchIdentifier.EMAIL]: 'e-mail case-folded, sub-address (+tag) removed',
  [MatchIdentifier.PHONE]: 'phone in E.164 (national numbers read in PHONE_DEFAULT_REGION)',
  [MatchIdentifier.EXTERNAL_ID]: 'same source system, id case-folded and trimmed',
};

const DAY_MS = 86_400_000;

/**
 * One person, one profile: finds likely duplicates and merges two profiles across every subgraph,
 * atomic or compensated (a failed step undoes the steps done), reversible within the undo window.
 */
export class MergeService {
  constructor(
    private readonly merges: MergeRepository,
    /** The other subgraphs' steps, in order; this subgraph's own step runs last. */
    private readonly participants: readonly MergeParticipant[],
    private readonly settings: MergeSettings,
    /** Told, once a merge or an unmerge settled, which customers it concerned: their memberships follow at once. */
    private readonly settled: (customerIds: readonly string[]) => Promise<unknown> = async () => undefined,
  ) {}

  /**
   * Per candidate customer (only those in `onlyIds` when given), the evidence that it may be the same
   * person: only evidence whose identifier is released to the caller for both customers, and only
   * candidates with some left (a listed pair says they share an identifier, evidence or not).
   */
  async candidates(customerId: string, onlyIds: readonly string[] | undefined, decide: MatchDecision): Promise<{ customerId: string; evidence: Evidence[] }[]> {
    const rows = await this.merges.candidates(customerId, onlyIds);
    const released = await Promise.all(rows.map((row) => matchReleased(decide, row.identifier, [customerId, row.customer_id])));
    const byCustomer = new Map<string, Evidence[]>();
    for (const [i, row] of rows.entries()) {
      if (!released[i]) continue;
      const evidence = byCustomer.get(row.customer_id) ?? [];
      evidence.push({ identifier: row.identifier, rule: RULES[row.identifier], system: row.system });
      byCustomer.set(row.customer_id, evidence);
    }
    return [...byCustomer].map(([id, evidence]) => ({ customerId: id, evidence }));
  }

  /** The survivor each retired id resolves to. */
  survivorsOf(ids: readonly string[]): Promise<Map<string, string>> {
    return this.merges.survivorsOf(ids);
  }

  async find(mergeId: string): Promise<MergeRow> {
    const merge = await this.merges.find(mergeId);
    if (!merge) throw mergeNotFound();
    return merge;
  }

  async merge(survivorId: string, mergedId: string, caller: Caller, now = new Date()): Promise<MergeRow> {
    if (survivorId === mergedId) throw sameCustomer();
    const id = randomUUID();
    const refused = await this.merges.open({ id, survivorId, mergedId, requestedBy: caller.clientId, now, undoUntil: new Date(now.getTime() + this.settings.undoDays * DAY_MS) });
    if (refused === 'busy') throw mergeInProgress();
    if (refused) throw mergeCustomerNotFound(refused);
    const moved: MovedCount[] = [];
    const reached: MergeParticipant[] = [];
    try {
      for (const participant of this.participants) {
        // Reached before the call: a step that timed out may still have committed, so it is undone too.
        reached.push(participant);
        const counts = await participant.merge(id, survivorId, mergedId);
        moved.push(...counts.map((c) => ({ subgraph: participant.subgraph, ...c })));
      }
      const local = await this.merges.mergeLocal(id, survivorId, mergedId, now);
      moved.push(...local.map((c) => ({ subgraph: 'customers', ...c })));
      await this.merges.setState(id, CustomerMergeState.MERGED, { moved, completedAt: now });
    } catch (error) {
      const failure = mergeFailureReason(reached.at(-1)?.subgraph ?? 'customers', error);
      const undone = await this.undo(id, reached);
      // An undo that could not reach a subgraph leaves the merge UNMERGING: unmergeCustomers finishes it.
      if (undone) await this.merges.setState(id, CustomerMergeState.FAILED, { failure });
      else await this.merges.setState(id, CustomerMergeState.UNMERGING, { failure: `${failure}; undo pending, unmergeCustomers finishes it` });
    }
    await this.follow([survivorId, mergedId]);
    return this.find(id);
  }

  /** Restores both profiles: the survivor keeps what was recorded on it since the merge. Asking again resumes an unfinished unmerge. */
  async unmerge(mergeId: string, now = new Date()): Promise<MergeRow> {
    const merge = await this.find(mergeId);
    if (merge.state === CustomerMergeState.UNMERGED) return merge;
    if (merge.state !== CustomerMergeState.MERGED && merge.state !== CustomerMergeState.UNMERGING) throw notMerged();
    if (merge.state === CustomerMergeState.MERGED && now > merge.undoUntil) throw undoWindowClosed();
    const local = await this.merges.unmergeLocal(merge);
    if (local === null) throw survivorChanged();
    await this.merges.setState(mergeId, CustomerMergeState.UNMERGING);
    const undone = await this.undo(mergeId, this.participants);
    if (undone) await this.merges.setState(mergeId, CustomerMergeState.UNMERGED, { unmergedAt: now });
    else await this.merges.setState(mergeId, CustomerMergeState.UNMERGING, { failure: 'A subgraph could not undo its step yet; ask again to resume' });
    await this.follow([merge.survivorId, merge.mergedId]);
    return this.find(mergeId);
  }

  /** The merge is settled whatever this does: a failure leaves memberships to the periodic refresh. */
  private async follow(customerIds: string[]): Promise<void> {
    await Promise.resolve(this.settled(customerIds)).catch((error: Error) => process.stderr.write(`[customers] memberships not followed after a merge: ${error.message}\n`));
  }

  /** Undoes the given steps, last first; each is idempotent. False when one could not be undone (the record says UNMERGING). */
  private async undo(mergeId: string, steps: readonly MergeParticipant[]): Promise<boolean> {
    let complete = true;
    for (const step of [...steps].reverse()) {
      try {
        await step.unmerge(mergeId);
      } catch (error) {
        mergeFailureReason(step.subgraph, error);
        complete = false;
      }
    }
    return complete;
  }
}
