import { CallerKind, type Caller } from '@c360/shared';
import type { SegmentService } from './segment.service';

/** Who the background refresh is when it asks peers to evaluate conditions: a service, for profiling. */
export const SEGMENT_REFRESH_CALLER: Caller = {
  clientId: 'customers:segment-refresh',
  kind: CallerKind.INTERNAL_APP,
  scopes: ['customers:read'],
  purpose: 'PROFILING',
};

/**
 * Re-evaluates stale segments every `intervalMs`, one refresh at a time, so memberships read
 * without re-evaluation (offer targeting) are at most about the maximum age plus one interval
 * old. A pending tick never keeps the process alive; stop() waits for a refresh in flight.
 */
export class SegmentRefresher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly segments: SegmentService,
    private readonly intervalMs: number,
    private readonly log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  /** Does nothing when the interval is 0 (turned off). */
  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.refreshNow(), this.intervalMs);
    this.timer.unref();
  }

  /** One refresh now; while one is running, the same one. */
  refreshNow(): Promise<void> {
    this.running ??= this.segments
      .refreshStale(SEGMENT_REFRESH_CALLER)
      .then(
        ({ refreshed, failed }) => {
          if (refreshed + failed > 0) this.log(`[customers] stale segments re-evaluated: ${refreshed}${failed ? `; ${failed} kept their last members (a peer did not answer)` : ''}`);
        },
        (error: Error) => this.log(`[customers] segment refresh failed: ${error.message}`),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
