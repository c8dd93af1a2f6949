import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CustomerRowMoves, CustomerTombstones, purgeCustomerEvents, retryDeadlocked, type AliasWrite, type MergeCount, type WritableCustomer } from '@c360/shared';

/** All SQL for a customer's data-subject requests in this subgraph. */
export class ResponseSubjectDataRepository {
  private readonly tombstones: CustomerTombstones;
  private readonly moves = new CustomerRowMoves('offers', [{ table: 'offers.offer_response' }]);

  constructor(private readonly dataSource: DataSource) {
    this.tombstones = new CustomerTombstones(dataSource, 'offers');
  }

  /** Run again whole when chosen as a deadlock's victim (as unmerge): a lost race with a write is no failed step. */
  merge(mergeId: string, survivorId: string, mergedId: string): Promise<MergeCount[]> {
    return retryDeadlocked(() => this.dataSource.transaction((manager) => this.moves.move(manager, mergeId, survivorId, mergedId)));
  }

  /** Responses recorded on the survivor through a retired id: an unmerge gives them back to that id. */
  recordAliasWrites(manager: EntityManager, table: string, writes: readonly AliasWrite[]): Promise<void> {
    return this.moves.recordAliasWrites(manager, table, writes);
  }

  /** First in a writing transaction: where each named id's rows go now, under the merge locks (see CustomerRowMoves.landWithin). */
  landWithin(manager: EntityManager, customerIds: readonly string[], follow: boolean): Promise<Map<string, WritableCustomer>> {
    return this.moves.landWithin(manager, customerIds, follow);
  }

  unmerge(mergeId: string): Promise<MergeCount[]> {
    return retryDeadlocked(() => this.dataSource.transaction((manager) => this.moves.restore(manager, mergeId)));
  }

  responsesOf(customerId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT r.id, r.event_id AS "eventId", r.offer_id AS "offerId", o.name AS "offerName", r.type, r.channel, r.occurred_at AS "occurredAt",
              r.order_id AS "orderId", r.revenue::text AS revenue, r.recorded_at AS "recordedAt",
              r.source_system AS "sourceSystem", r.external_id AS "externalId"
       FROM offers.offer_response r JOIN offers.offer o ON o.id = r.offer_id
       WHERE r.customer_id = $1 ORDER BY r.occurred_at, r.id`,
      [customerId],
    );
  }

  /**
   * Responses stay for campaign performance, de-identified: a random pseudonym per erasure
   * replaces the customer, and the client's event id (it may embed anything) becomes a neutral one;
   * an imported response loses its source key too (the source system knows whose it was).
   * A hash of the customer id stays as a tombstone, so replayed or late responses are refused; it
   * takes the customer's lock first, as every response write does (see erasedAmongWithin).
   */
  deidentify(customerId: string, now: Date): Promise<{ deidentified: number; tombstoned: number }> {
    return this.dataSource.transaction(async (manager) => {
      // First: it takes the locks of the customer and of every id merged into them, in one sorted order.
      const merged = await this.moves.eraseMerged(manager, customerId, this.tombstones, now);
      const own = await this.tombstones.record(manager, customerId, now);
      const tombstoned = own + merged.tombstoned;
      const [row]: { n: number }[] = await manager.query(
        `WITH changed AS (
           UPDATE offers.offer_response SET customer_id = $2, event_id = 'erased-' || id::text, source_system = NULL, external_id = NULL, imported_by = NULL
           WHERE customer_id = ANY($1::uuid[]) RETURNING 1
         ) SELECT count(*)::int AS n FROM changed`,
        // Every id the person had: responses a feed left under a retired id go with the rest.
        [[customerId, ...merged.mergedIds], randomUUID()],
      );
      await purgeCustomerEvents(manager, [customerId, ...merged.mergedIds]);
      return { deidentified: row.n, tombstoned };
    });
  }

  erasedAmong(customerIds: readonly string[]): Promise<string[]> {
    return this.tombstones.erasedAmong(customerIds);
  }

  /** First in a response-writing transaction: locks the customers, then reads their tombstones. */
  erasedAmongWithin(manager: EntityManager, customerIds: readonly string[]): Promise<string[]> {
    return this.tombstones.erasedAmongWithin(manager, customerIds);
  }
}
