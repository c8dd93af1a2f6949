import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { detachedFromRequest, serviceLogger } from '@c360/shared';
import type { CustomerValueService } from './customer-value.service';
import type { ValueRefreshJob } from './value-refresh-job';
import type { ValueRefreshJobRepository } from './value-refresh-job.repository';

/** A refresh still RUNNING after this long belongs to a process that died (a full refresh takes seconds to minutes). */
const STALE_AFTER_MS = 3_600_000;

/**
 * Full value refreshes asked for over the API run in the background: starting one answers at once
 * with its job, and asking again while one runs answers with that one (at most one at a time, also
 * across processes). The run outlives the request that started it: a caller going away does not cancel it.
 */
export class ValueRefreshJobs {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly jobs: ValueRefreshJobRepository,
    private readonly values: CustomerValueService,
  ) {}

  async start(now = new Date()): Promise<ValueRefreshJob> {
    const started = await this.jobs.startUnlessRunning(randomUUID(), now, new Date(now.getTime() - STALE_AFTER_MS));
    if (!started) {
      const running = await this.jobs.running();
      // The running one finished between the two statements: start again.
      return running ?? this.start();
    }
    const run = detachedFromRequest(() => this.run(started.id));
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return started;
  }

  find(id: string): Promise<ValueRefreshJob | null> {
    return this.jobs.find(id);
  }

  /** Resolves once no refresh started here is running (shutdown waits for it). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /** The server's stop waits for a refresh in progress (it commits or rolls back; never cut mid-way by a closed pool). */
  plugin<Context extends object>(): ApolloServerPlugin<Context> {
    return { serverWillStart: async () => ({ serverWillStop: () => this.idle() }) };
  }

  private async run(id: string): Promise<void> {
    try {
      const result = await this.values.refreshAll();
      await this.jobs.finish(id, result, new Date());
    } catch (error) {
      serviceLogger('transactions').error({ job: id, reason: (error as Error).message }, 'value refresh job failed');
      await this.jobs.fail(id, 'the refresh failed; see the transactions service log', new Date()).catch(() => undefined);
    }
  }
}
