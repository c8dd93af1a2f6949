import type { ApolloServerPlugin } from '@apollo/server';
import { jobDuration, jobRuns } from '../observability/metrics';

/**
 * Work a service repeats on a timer (e.g. re-evaluating stale segments, refreshing the value
 * analysis). One run at a time: a tick while a run is in flight joins it. A pending tick never
 * keeps the process alive, and stop() waits for the run in flight, so the server stops cleanly.
 * `work` answers a line worth logging, or null when there was nothing to do.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<string | null>,
    private readonly log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  /** Does nothing when the interval is 0 (turned off) or the job already runs. */
  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.runNow(), this.intervalMs);
    this.timer.unref();
  }

  /** One run now; while one is in flight, that one. Never rejects: a failed run is logged. */
  runNow(): Promise<void> {
    if (this.running) return this.running;
    const timer = jobDuration.startTimer({ job: this.name });
    const run = this.work()
      .then(
        (line) => {
          jobRuns.inc({ job: this.name, outcome: 'ok' });
          if (line) this.log(`[${this.name}] ${line}`);
        },
        (error: Error) => {
          jobRuns.inc({ job: this.name, outcome: 'failed' });
          this.log(`[${this.name}] failed: ${error.message}`);
        },
      )
      .finally(timer)
      .finally(() => {
        this.running = null;
      });
    this.running = run;
    return run;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Starts with the server when `ready()` (schema tooling builds apps without a database), stops with it. */
  plugin<Context extends object>(ready: () => boolean): ApolloServerPlugin<Context> {
    return {
      serverWillStart: async () => {
        if (ready()) this.start();
        return { serverWillStop: () => this.stop() };
      },
    };
  }
}
