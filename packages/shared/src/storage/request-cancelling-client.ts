import { Client, type ClientConfig } from 'pg';
import { serviceLogger } from '../observability/logger';
import { currentRequestSignal } from './request-signal';

/** Raised for a statement of a request whose caller has gone: the work is not started (the transaction rolls back). */
export class RequestGoneError extends Error {
  constructor() {
    super('the caller went away before the answer: statement not run');
    this.name = 'RequestGoneError';
  }
}

const textOf = (statement: unknown) => (typeof statement === 'string' ? statement : ((statement as { text?: unknown } | null)?.text ?? ''));
// A rolled-back transaction is how an abandoned request ends cleanly: its ROLLBACK is always let through.
const endsTransaction = (statement: unknown) => /^\s*rollback\b/i.test(String(textOf(statement)));
const isSubmittable = (statement: unknown) => typeof (statement as { submit?: unknown } | null)?.submit === 'function';

/**
 * A pooled PostgreSQL connection that cancels the statement it is running for a request when that
 * request's caller goes away (the gateway timed out), with pg_cancel_backend from a short-lived
 * second connection: the waiting or running statement fails, its transaction rolls back, and
 * later statements of the same request are refused before they start. Work outside a request
 * (boot, background jobs) has no signal and is never cancelled.
 */
export class RequestCancellingClient extends Client {
  private readonly config: string | ClientConfig | undefined;
  /** Which statement runs now (a number per statement), so a cancel never hits a later one. */
  private running: number | null = null;
  private statements = 0;

  constructor(config?: string | ClientConfig) {
    super(config);
    this.config = config;
  }

  // pg's query has many overloads; only the promise form TypeORM uses is tracked, the rest pass through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const signal = currentRequestSignal();
    const passThrough = (super.query as (...a: unknown[]) => unknown).bind(this);
    if (!signal || isSubmittable(args[0]) || typeof args[args.length - 1] === 'function') return passThrough(...args);
    if (signal.aborted && !endsTransaction(args[0])) return Promise.reject(new RequestGoneError());
    const statement = ++this.statements;
    const cancel = () => void this.cancel(statement);
    signal.addEventListener('abort', cancel, { once: true });
    this.running = statement;
    return (passThrough(...args) as Promise<unknown>).finally(() => {
      signal.removeEventListener('abort', cancel);
      if (this.running === statement) this.running = null;
    });
  }

  private async cancel(statement: number): Promise<void> {
    const pid = (this as unknown as { processID?: number | null }).processID; // set by pg from the server's BackendKeyData
    if (this.running !== statement || !pid) return;
    // A separate connection: this one is busy, and the pool may have none free.
    const canceller = new Client(this.config);
    try {
      await canceller.connect();
      // Checked again after connecting: a statement that finished meanwhile is not followed by a wrong cancel.
      if (this.running === statement) await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
    } catch (error) {
      serviceLogger('storage').warn({ reason: (error as Error).message }, 'could not cancel the statement of an abandoned request');
    } finally {
      await canceller.end().catch(() => undefined);
    }
  }
}
