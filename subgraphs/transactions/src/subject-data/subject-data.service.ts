import type { EntityManager } from 'typeorm';
import { ErasureAction, type AliasWrite, type AliasWriteLog, type ErasureCount, type MergeCount, type SubjectDataHandler, type WritableCustomer } from '@c360/shared';
import { customerErased } from './subject-data.errors';
import type { OrderSubjectDataRepository } from './subject-data.repository';

/**
 * Retention here: orders and their lines are financial records kept for accounting, but
 * de-identified (the customer id becomes a random pseudonym); the per-customer value row is
 * deleted; a hash of the customer id stays as a tombstone so old orders cannot be re-ingested.
 */
/** Told whose orders a merge or an unmerge re-pointed, once its step has committed. */
export type CustomersRepointed = (customerIds: readonly string[]) => Promise<void>;

export class OrderSubjectData implements SubjectDataHandler, AliasWriteLog {
  constructor(
    private readonly repository: OrderSubjectDataRepository,
    /** The value analysis of those customers is recomputed at once, not at the next periodic refresh. */
    private readonly repointed: CustomersRepointed = async () => undefined,
  ) {}

  async exportSubject(customerId: string): Promise<Record<string, unknown>> {
    const [orders, value] = await Promise.all([this.repository.ordersOf(customerId), this.repository.valueOf(customerId)]);
    return { orders, value };
  }

  async eraseSubject(customerId: string, _requestId: string, now = new Date()): Promise<ErasureCount[]> {
    const rows = await this.repository.erase(customerId, now);
    return [
      { table: 'transactions.customer_order', action: ErasureAction.DEIDENTIFIED, rows: rows.ordersDeidentified },
      { table: 'transactions.customer_value', action: ErasureAction.DELETED, rows: rows.valuesDeleted },
      { table: 'transactions.erased_customer', action: ErasureAction.TOMBSTONED, rows: rows.tombstoned },
    ];
  }

  async mergeSubject(mergeId: string, survivorId: string, mergedId: string): Promise<MergeCount[]> {
    const counts = await this.repository.merge(mergeId, survivorId, mergedId);
    await this.repointed([survivorId]);
    return counts;
  }

  async unmergeSubject(mergeId: string): Promise<MergeCount[]> {
    const parties = await this.repository.partiesOf(mergeId);
    const counts = await this.repository.unmerge(mergeId);
    await this.repointed(parties);
    return counts;
  }

  recordAliasWrites(manager: EntityManager, table: string, writes: readonly AliasWrite[]): Promise<void> {
    return this.repository.recordAliasWrites(manager, table, writes);
  }

  landWithin(manager: EntityManager, customerIds: readonly string[], follow: boolean): Promise<Map<string, WritableCustomer>> {
    return this.repository.landWithin(manager, customerIds, follow);
  }

  /** Refuses orders for an erased customer (typed CONFLICT, reason SUBJECT_ERASED). */
  async refuseErased(customerId: string): Promise<void> {
    if (await this.repository.isErased(customerId)) throw customerErased(customerId);
  }

  /** The same refusal inside the inserting transaction, serialised with a concurrent erasure of the customer. */
  async refuseErasedWithin(manager: EntityManager, customerId: string): Promise<void> {
    if (await this.repository.isErasedWithin(manager, customerId)) throw customerErased(customerId);
  }
}
