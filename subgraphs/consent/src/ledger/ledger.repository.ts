import type { DataSource, EntityManager } from 'typeorm';
import { GENESIS_HASH } from './ledger-hash';
import type { ConsentEventEntity } from '../consent/consent-event.entity';
import { CONSENT_EVENT_COLUMNS, toConsentEvent } from '../consent/consent-event.row';

/** First key of the advisory locks that serialise appends per customer (the second is the customer's hash). */
const CHAIN_LOCK_CLASS = 27560;
/**
 * Ledger-wide lock: single appends hold it shared (they only exclude each other per customer),
 * batch appends hold it exclusively — one lock instead of one per customer, which would
 * exhaust the server's lock table for large batches.
 */
const LEDGER_LOCK = 2756000001;

/** A ledger event as the chain sees it. */
export type LedgerRow = ConsentEventEntity;

const COLUMNS = CONSENT_EVENT_COLUMNS;
const toRow = toConsentEvent;

/** The SQL of the hash chain: where the next event of a customer links in, and reading chains back. */
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the customer's chain until the transaction ends, then returns the head hash and the next seq.
   * The seq is drawn after the lock, so per customer the ledger order and the chain order agree.
   */
  async nextLink(manager: EntityManager, customerId: string): Promise<{ seq: number; prevHash: string }> {
    await this.shareLedger(manager);
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2::text))', [CHAIN_LOCK_CLASS, customerId]);
    const [row]: { head: string | null; seq: string }[] = await manager.query(
      `SELECT (SELECT hash FROM consent.consent_event WHERE customer_id = $1 ORDER BY seq DESC LIMIT 1) AS head,
              nextval(pg_get_serial_sequence('consent.consent_event', 'seq')) AS seq`,
      [customerId],
    );
    return { seq: Number(row.seq), prevHash: row.head ?? GENESIS_HASH };
  }

  /** Shares the ledger until the transaction ends, as every single append does: a merge, unmerge or erasure (which hold it whole) waits, or is waited for. */
  async shareLedger(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared(${LEDGER_LOCK})`);
  }

  /**
   * Holds the whole ledger until the transaction ends, as a batch append does: no event is
   * appended meanwhile by anyone else. Taken again by the same transaction, it is already held.
   */
  async lockLedger(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(${LEDGER_LOCK})`);
  }

  /** Heads of many chains and as many fresh seqs, in order (for batch appends such as the demo seed). */
  async reserveLinks(manager: EntityManager, customerIds: string[], count: number): Promise<{ heads: Map<string, string>; seqs: number[] }> {
    await this.lockLedger(manager);
    const heads: { customer_id: string; hash: string }[] = await manager.query(
      `SELECT DISTINCT ON (customer_id) customer_id, hash FROM consent.consent_event WHERE customer_id = ANY($1::uuid[]) ORDER BY customer_id, seq DESC`,
      [customerIds],
    );
    const seqs: { seq: string }[] = await manager.query(`SELECT nextval(pg_get_serial_sequence('consent.consent_event', 'seq')) AS seq FROM generate_series(1, $1::int) ORDER BY 1`, [count]);
    return { heads: new Map(heads.map((h) => [h.customer_id, h.hash])), seqs: seqs.map((s) => Number(s.seq)) };
  }

  /** One customer's whole chain, in ledger order. */
  async chainOf(customerId: string): Promise<LedgerRow[]> {
    const raw: Record<string, unknown>[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM consent.consent_event WHERE customer_id = $1 ORDER BY seq`, [customerId]);
    return raw.map(toRow);
  }

  /** The next slice of all chains, ordered by customer then seq, after the (customer, seq) keyset position. */
  async chainsAfter(after: { customerId: string; seq: number } | null, size: number): Promise<LedgerRow[]> {
    const raw: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM consent.consent_event
       WHERE $1::uuid IS NULL OR (customer_id, seq) > ($1::uuid, $2::bigint)
       ORDER BY customer_id, seq LIMIT $3`,
      [after?.customerId ?? null, after?.seq ?? null, size],
    );
    return raw.map(toRow);
  }

  async findByIds(ids: readonly string[]): Promise<LedgerRow[]> {
    const raw: Record<string, unknown>[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM consent.consent_event WHERE id = ANY($1::uuid[])`, [ids]);
    return raw.map(toRow);
  }
}
