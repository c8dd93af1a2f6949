import { ERASURE_NOTICE } from './purge-customer-events';
import type { DataSource } from 'typeorm';
import type { EventEnvelope, EventType } from './event-envelope';

export interface OutboxRow extends EventEnvelope {
  seq: number;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  dead: boolean;
}

interface RawRow {
  seq: string | number;
  id: string;
  type: EventType;
  version: number;
  occurred_at: Date | string;
  customer_id: string | null;
  payload: Record<string, unknown> | string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | string;
  delivered_at: Date | string | null;
  dead: boolean;
}

const COLUMNS = 'seq, id, type, version, occurred_at, customer_id, payload, attempts, last_error, next_attempt_at, delivered_at, dead';

function toRow(raw: RawRow): OutboxRow {
  return {
    seq: Number(raw.seq),
    id: raw.id,
    type: raw.type,
    version: raw.version,
    occurredAt: new Date(raw.occurred_at).toISOString(),
    customerId: raw.customer_id,
    payload: typeof raw.payload === 'string' ? (JSON.parse(raw.payload) as Record<string, unknown>) : raw.payload,
    attempts: raw.attempts,
    lastError: raw.last_error,
    nextAttemptAt: new Date(raw.next_attempt_at),
    deliveredAt: raw.delivered_at ? new Date(raw.delivered_at) : null,
    dead: raw.dead,
  };
}

/** The SQL of one subgraph's outbox: claiming due rows, recording outcomes, dead letters. */
export class OutboxRepository {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    if (!/^[a-z_]+$/.test(schema)) throw new Error('outbox: bad schema name');
    this.table = `"${schema}".outbox`;
  }

  /**
   * Claims up to `limit` due rows for `leaseMs`: rows other dispatchers hold are skipped (SKIP
   * LOCKED, then the lease), and a customer's row only once every earlier row of that customer is
   * delivered or dead, so one customer's events go out in order. Counts the attempt.
   *
   * The longest-due rows first, in the order of the due index: the scan stops after `limit` rows, and
   * a claimed row's lease moves it past the rows still waiting. Ordered by `seq` alone, every claim
   * re-read (or sorted) the whole backlog, so draining one grew with its square (an import of 100,000
   * orders: 27 s against 10 s). Order across customers is not promised; within one it is kept above.
   */
  async claim(limit: number, leaseMs: number): Promise<OutboxRow[]> {
    const rows = (await this.dataSource.query(
      // As a CTE, so both drivers answer with the rows (a bare UPDATE answers differently).
      `WITH claimed AS (UPDATE ${this.table} o SET next_attempt_at = now() + ($2::int * interval '1 millisecond'), attempts = o.attempts + 1
       WHERE o.seq IN (
         SELECT c.seq FROM ${this.table} c
         WHERE c.delivered_at IS NULL AND NOT c.dead AND c.next_attempt_at <= now()
           AND NOT EXISTS (
             SELECT 1 FROM ${this.table} e
             WHERE c.customer_id IS NOT NULL AND e.customer_id = c.customer_id AND e.seq < c.seq AND e.delivered_at IS NULL AND NOT e.dead)
         ORDER BY c.next_attempt_at, c.seq LIMIT $1
         FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')}) SELECT * FROM claimed`,
      [limit, leaseMs],
    )) as RawRow[];
    return rows.map(toRow).sort((a, b) => a.seq - b.seq);
  }

  /** Marks these rows delivered; answers the ones still there (an erasure may have dropped the others meanwhile). */
  async markDelivered(seqs: number[]): Promise<number[]> {
    if (seqs.length === 0) return [];
    // A delivered erasure notice keeps no trace of whom it was about (its recipients have the id).
    const rows = (await this.dataSource.query(
      `WITH marked AS (UPDATE ${this.table} SET delivered_at = now(), last_error = NULL,
         customer_id = CASE WHEN type = $2 THEN NULL ELSE customer_id END,
         payload = CASE WHEN type = $2 THEN '{}'::jsonb ELSE payload END
       WHERE seq = ANY($1::bigint[]) RETURNING seq) SELECT seq FROM marked`,
      [seqs, ERASURE_NOTICE],
    )) as { seq: string | number }[];
    return rows.map((r) => Number(r.seq));
  }

  /** Records a failed attempt: due again after `retryInMs`, or dead when there is none left. Answers whether the row was still there. */
  async markFailed(seq: number, error: string, retryInMs: number | null): Promise<boolean> {
    const rows = (
      retryInMs === null
        ? await this.dataSource.query(`WITH f AS (UPDATE ${this.table} SET last_error = $2, dead = true WHERE seq = $1 RETURNING seq) SELECT seq FROM f`, [seq, error])
        : await this.dataSource.query(`WITH f AS (UPDATE ${this.table} SET last_error = $2, next_attempt_at = now() + ($3::int * interval '1 millisecond') WHERE seq = $1 RETURNING seq) SELECT seq FROM f`, [
            seq,
            error,
            retryInMs,
          ])
    ) as unknown[];
    return rows.length > 0;
  }

  /**
   * An erasure dropped these customers' rows while this dispatcher was delivering them, and held its notice
   * behind them (purgeCustomerEvents): that delivery has ended, so the notice is due now, not at the lease's end.
   */
  async releaseHeldNotices(customerIds: string[]): Promise<void> {
    if (customerIds.length === 0) return;
    await this.dataSource.query(
      `UPDATE ${this.table} SET next_attempt_at = now() WHERE type = $2 AND customer_id = ANY($1::uuid[]) AND delivered_at IS NULL AND NOT dead AND attempts = 0 AND next_attempt_at > now()`,
      [customerIds, ERASURE_NOTICE],
    );
  }

  async deadLetters(limit: number): Promise<OutboxRow[]> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM ${this.table} WHERE dead ORDER BY seq LIMIT $1`, [limit])) as RawRow[];
    return rows.map(toRow);
  }

  /** Puts dead letters back in line with fresh attempts; answers how many were replayed. */
  async replay(ids: string[] | null): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `WITH replayed AS (UPDATE ${this.table} SET dead = false, attempts = 0, next_attempt_at = now() WHERE dead ${ids ? 'AND id = ANY($1::uuid[])' : ''} RETURNING 1)
       SELECT count(*)::int AS n FROM replayed`,
      ids ? [ids] : [],
    )) as { n: number }[];
    return n;
  }

  async byId(id: string): Promise<OutboxRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1`, [id])) as RawRow[];
    return rows[0] ? toRow(rows[0]) : null;
  }
}
