import type { SubjectRequestRepository } from './subject-request.repository';
import { ABANDONED_AFTER_MS, type AttemptOutcome, type SubjectRequestRunner } from './subject-request.runner';

/**
 * Automatic retries: one timer per request with a part due, armed after each attempt and, at
 * start, for whatever a previous process left unfinished. stop() disarms everything and waits
 * for attempts in flight, so the app stops cleanly.
 */
export class SubjectRequestRetryTimer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly runner: SubjectRequestRunner,
    private readonly repository: SubjectRequestRepository,
  ) {}

  /** Arms (or re-arms) the request's timer for the outcome of its last attempt. */
  follow(requestId: string, outcome: AttemptOutcome): void {
    if (outcome.nextAttemptAt) this.schedule(requestId, outcome.nextAttemptAt);
    else this.cancel(requestId);
  }

  /**
   * Resumes what a previous process left, each request when its soonest part is due but not
   * before `delayMs`: parts never attempted at once, retries when due, and attempts that were
   * interrupted when their lease runs out (the claim takes them back only then).
   */
  async resumeUnfinished(delayMs: number): Promise<number> {
    const now = new Date();
    const unfinished = await this.repository.unfinished(now, ABANDONED_AFTER_MS);
    const soonest = now.getTime() + delayMs;
    for (const { requestId, dueAt } of unfinished) this.schedule(requestId, new Date(Math.max(soonest, dueAt.getTime())));
    return unfinished.length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.runner.idle();
  }

  private schedule(requestId: string, at: Date): void {
    if (this.stopped) return;
    this.cancel(requestId);
    const timer = setTimeout(() => {
      this.timers.delete(requestId);
      if (this.stopped) return;
      this.runner.attempt(requestId).then(
        (outcome) => this.follow(requestId, outcome),
        (error: Error) => {
          process.stderr.write(`[consent] data-subject request ${requestId} retry failed: ${error.message}\n`);
        },
      );
    }, Math.max(0, at.getTime() - Date.now()));
    // A pending retry never keeps the process alive on its own; stop() clears it anyway.
    timer.unref();
    this.timers.set(requestId, timer);
  }

  private cancel(requestId: string): void {
    const timer = this.timers.get(requestId);
    if (timer) clearTimeout(timer);
    this.timers.delete(requestId);
  }
}
