import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'typeorm';

const background = new AsyncLocalStorage<true>();

/** Runs background work (the outbox dispatcher) whose statements belong to no request and are not counted. */
export function uncounted<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/**
 * Counts SQL statements per service. Tests and benchmarks use it to prove that list
 * queries are batched (the count must not grow with the page size).
 */
export class StatementCounter {
  private counts = new Map<string, number>();

  record(service: string): void {
    if (background.getStore()) return;
    this.counts.set(service, (this.counts.get(service) ?? 0) + 1);
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  byService(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}

export const statementCounter = new StatementCounter();

/** TypeORM logger that counts statements and reports errors only (no SQL in logs by default). */
export function countingLogger(service: string, counter: StatementCounter = statementCounter): Logger {
  return {
    logQuery: () => counter.record(service),
    logQueryError: () => undefined, // surfaced as a thrown error, masked before reaching clients
    logQuerySlow: (time, query) => process.stderr.write(`[${service}] slow query (${time} ms): ${query.slice(0, 200)}\n`),
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: (level, message) => {
      if (level === 'warn') process.stderr.write(`[${service}] ${String(message)}\n`);
    },
  };
}
