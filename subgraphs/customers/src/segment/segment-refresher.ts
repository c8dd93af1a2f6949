import { CallerKind, PeriodicJob, PROFILING, type Caller } from '@c360/shared';
import type { SegmentService } from './segment.service';

/** Who the background refresh is when it asks peers to evaluate conditions; each segment is judged under its own declared purpose (segmentEvaluator). */
export const SEGMENT_REFRESH_CALLER: Caller = {
  clientId: 'customers:segment-refresh',
  kind: CallerKind.INTERNAL_APP,
  scopes: ['customers:read'],
  purpose: PROFILING,
};

/**
 * Re-evaluates stale segments every `intervalMs`, so memberships read without re-evaluation
 * (offer targeting) are at most about the maximum age plus one interval old.
 */
export const segmentRefreshJob = (segments: SegmentService, intervalMs: number) =>
  new PeriodicJob('customers segment refresh', intervalMs, async () => {
    const { refreshed, failed } = await segments.refreshStale(SEGMENT_REFRESH_CALLER);
    if (refreshed + failed === 0) return null;
    return `stale segments re-evaluated: ${refreshed}${failed ? `; ${failed} kept their last members (a peer did not answer)` : ''}`;
  });
