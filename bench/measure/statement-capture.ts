import { Client } from 'pg';

/** One SQL statement a service sent, with its parameters and how many rows came back. */
export interface CapturedStatement {
  text: string;
  values: unknown[];
  rows: number;
}

/** Transaction control and session settings: not work of the page, left out of the floor. */
const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|SET|RESET|SHOW)\b/i;

type QueryResultLike = { rows?: unknown[]; rowCount?: number | null };

/**
 * Records every statement the process's `pg` clients send while capture is on (bench only:
 * the subgraph process installs it before opening storage). Only statements that succeed are
 * kept, with their row counts, so the floor can prove it did the same work.
 */
export function installStatementCapture() {
  let capturing = false;
  let captured: CapturedStatement[] = [];
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  const record = (text: string, values: unknown[], result: QueryResultLike | undefined) => {
    if (!capturing || CONTROL.test(text)) return;
    captured.push({ text, values, rows: Array.isArray(result?.rows) ? result.rows.length : Number(result?.rowCount ?? 0) });
  };
  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function capturedQuery(this: Client, ...args: unknown[]) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : String((first as { text?: string })?.text ?? '');
    const values = Array.isArray(second) ? [...second] : Array.isArray((first as { values?: unknown[] })?.values) ? [...(first as { values: unknown[] }).values] : [];
    const callbackAt = args.findIndex((a) => typeof a === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (error: unknown, result: QueryResultLike) => void;
      args[callbackAt] = (error: unknown, result: QueryResultLike) => {
        if (!error) record(text, values, result);
        callback(error, result);
      };
      return original.apply(this, args);
    }
    const answer = original.apply(this, args);
    if (answer && typeof (answer as Promise<unknown>).then === 'function') (answer as Promise<QueryResultLike>).then((result) => record(text, values, result), () => undefined);
    return answer;
  };
  return {
    start() {
      captured = [];
      capturing = true;
    },
    stop(): CapturedStatement[] {
      capturing = false;
      return captured;
    },
  };
}

/** The page's distinct statements: the same text with the same parameters counts once. */
export function distinctStatements(statements: CapturedStatement[]): CapturedStatement[] {
  const seen = new Map<string, CapturedStatement>();
  for (const s of statements) {
    const key = `${s.text}\u0000${JSON.stringify(s.values)}`;
    if (!seen.has(key)) seen.set(key, s);
  }
  return [...seen.values()];
}
