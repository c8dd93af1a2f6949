import { CallerKind, PeriodicJob, PROFILING, type Caller } from '@c360/shared';
import type { SegmentService } from './segment.service';
import type { SegmentSizeHistoryRepository } from './segment-size-history.repository';

/** Who the background refresh is when it asks peers to evaluate conditions; each segment is judged under its own declared purpose (segmentEvaluator). */
export const SEGMENT_REFRESH_CALLER: Caller = {
  clientId: 'customers:segment-refresh',
  kind: CallerKind.INTERNAL_APP,
  scopes: ['customers:read'],
  purpose: PROFILING,
};

/**
 * Re-evaluates stale segments every `intervalMs`, so memberships read without re-evaluation
 * (offer targeting) are at most about the maximum age plus one interval old; and deletes the
 * recorded sizes older than SEGMENT_SIZE_HISTORY_DAYS (also of segments no longer evaluated).
 */
export const segmentRefreshJob = (segments: SegmentService, intervalMs: number, sizes: SegmentSizeHistoryRepository) =>
  new PeriodicJob('customers segment refresh', intervalMs, async () => {
    const { refreshed, failed } = await segments.refreshStale(SEGMENT_REFRESH_CALLER);
    const swept = await sizes.sweep();
    if (refreshed + failed + swept === 0) return null;
    const sweep = swept ? `; recorded sizes past retention deleted: ${swept}` : '';
    return `stale segments re-evaluated: ${refreshed}${failed ? `; ${failed} kept their last members (a peer did not answer)` : ''}${sweep}`;
  });
