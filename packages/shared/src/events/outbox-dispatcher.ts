import type { DataSource } from 'typeorm';
import type { EventEnvelope } from './event-envelope';
import type { EventSink } from './event-sink';
import { OutboxRepository, type OutboxRow } from './outbox.repository';
import { retryDelayMs, type RetryPolicy } from './events.settings';
import { uncounted } from '../storage/statement-counter';

export interface OutboxDispatcherOptions {
  schema: string;
  sinks: EventSink[];
  retry: RetryPolicy;
  batchSize: number;
  /** How long a claimed row is reserved for this dispatcher (a crash frees it after this). */
  leaseMs?: number;
  /** 0: no timer; call runOnce(). */
  pollMs: number;
  log?: (line: string) => void;
}

/**
 * Delivers one subgraph's outbox at least once, in order per customer: claims due rows, hands each
 * to every sink, records delivery or the failure (exponential backoff, then dead letter). A
 * customer's later event waits while an earlier one is pending or retrying.
 */
export class OutboxDispatcher {
  readonly outbox: OutboxRepository;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    dataSource: DataSource,
    private readonly options: OutboxDispatcherOptions,
  ) {
    this.outbox = new OutboxRepository(dataSource, options.schema);
  }

  start(): void {
    if (this.options.pollMs <= 0 || this.timer || this.stopped) return;
    const tick = () => {
      this.timer = null;
      void this.runOnce().finally(() => {
        if (!this.stopped) {
          this.timer = setTimeout(tick, this.options.pollMs);
          this.timer.unref();
        }
      });
    };
    this.timer = setTimeout(tick, this.options.pollMs);
    this.timer.unref();
  }

  /** Drains what is due now (batch after batch); answers how many events were delivered. Never rejects. */
  runOnce(): Promise<number> {
    if (this.running) return this.running;
    const run = uncounted(() => this.drain())
      .catch((error: Error) => {
        this.options.log?.(`[events] dispatch failed: ${error.message}`);
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    this.running = run;
    return run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    for (const sink of this.options.sinks) await sink.close?.().catch(() => undefined);
  }

  private async drain(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const rows = await this.outbox.claim(this.options.batchSize, this.options.leaseMs ?? 30_000);
      if (rows.length === 0) return delivered;
      delivered += await this.deliverBatch(rows);
      if (this.stopped) return delivered;
    }
  }

  /**
   * Hands the batch to each sink in turn (a whole batch at once to a sink that takes one, such as the
   * relay to consent: one call per batch, and event by event if the batch is refused); an event is
   * delivered once every sink accepted it. The
   * claim gives at most one event per customer per batch, so batching keeps the order per customer.
   */
  private async deliverBatch(rows: OutboxRow[]): Promise<number> {
    const failed = new Map<number, string>();
    for (const sink of this.options.sinks) {
      const pending = rows.filter((row) => !failed.has(row.seq));
      if (pending.length === 0) break;
      if (sink.deliverAll) {
        try {
          await sink.deliverAll(pending.map(envelopeOfRow));
          continue;
        } catch (error) {
          // One event the receiver refuses must not hold back (and finally dead-letter) its batch-mates:
          // a refused batch of several is retried one event at a time, so only the bad one fails.
          if (pending.length === 1) {
            failed.set(pending[0].seq, failureOf(error));
            continue;
          }
        }
      }
      for (const row of pending) {
        try {
          await sink.deliver(envelopeOfRow(row));
        } catch (error) {
          failed.set(row.seq, failureOf(error));
        }
      }
    }
    const gone = new Set<number>();
    for (const row of rows) {
      const message = failed.get(row.seq);
      if (message !== undefined && !(await this.outbox.markFailed(row.seq, message, retryDelayMs(this.options.retry, row.attempts)))) gone.add(row.seq);
    }
    const done = rows.filter((row) => !failed.has(row.seq)).map((row) => row.seq);
    const marked = new Set(await this.outbox.markDelivered(done));
    for (const seq of done) if (!marked.has(seq)) gone.add(seq);
    // Rows an erasure dropped while they were on their way: its notice waited for this delivery to end.
    const erased = rows.filter((row) => gone.has(row.seq) && row.customerId).map((row) => row.customerId!);
    if (erased.length > 0) await this.outbox.releaseHeldNotices([...new Set(erased)]);
    return done.length;
  }
}

function failureOf(error: unknown): string {
  const described = (error as { message?: unknown } | null)?.message; // DOMException (timeouts) too
  return typeof described === 'string' && described ? described.slice(0, 500) : 'delivery failed';
}

function envelopeOfRow(row: OutboxRow): EventEnvelope {
  return { id: row.id, type: row.type, version: row.version, occurredAt: row.occurredAt, customerId: row.customerId, payload: row.payload };
}
