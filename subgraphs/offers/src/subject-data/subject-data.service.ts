import type { EntityManager } from 'typeorm';
import { ErasureAction, type AliasWrite, type AliasWriteLog, type ErasureCount, type MergeCount, type SubjectDataHandler, type WritableCustomer } from '@c360/shared';
import { customersErased } from './subject-data.errors';
import type { ResponseSubjectDataRepository } from './subject-data.repository';

/** Retention here: offer responses are kept for campaign performance, de-identified; a tombstone refuses new ones. */
export class ResponseSubjectData implements SubjectDataHandler, AliasWriteLog {
  constructor(private readonly repository: ResponseSubjectDataRepository) {}

  async exportSubject(customerId: string): Promise<Record<string, unknown>> {
    return { offerResponses: await this.repository.responsesOf(customerId) };
  }

  async eraseSubject(customerId: string, _requestId: string, now = new Date()): Promise<ErasureCount[]> {
    const rows = await this.repository.deidentify(customerId, now);
    return [
      { table: 'offers.offer_response', action: ErasureAction.DEIDENTIFIED, rows: rows.deidentified },
      { table: 'offers.erased_customer', action: ErasureAction.TOMBSTONED, rows: rows.tombstoned },
    ];
  }

  mergeSubject(mergeId: string, survivorId: string, mergedId: string): Promise<MergeCount[]> {
    return this.repository.merge(mergeId, survivorId, mergedId);
  }

  unmergeSubject(mergeId: string): Promise<MergeCount[]> {
    return this.repository.unmerge(mergeId);
  }

  recordAliasWrites(manager: EntityManager, table: string, writes: readonly AliasWrite[]): Promise<void> {
    return this.repository.recordAliasWrites(manager, table, writes);
  }

  landWithin(manager: EntityManager, customerIds: readonly string[], follow: boolean): Promise<Map<string, WritableCustomer>> {
    return this.repository.landWithin(manager, customerIds, follow);
  }

  /** Refuses responses for erased customers (typed CONFLICT, reason SUBJECT_ERASED). */
  async refuseErased(customerIds: readonly string[]): Promise<void> {
    const erased = await this.repository.erasedAmong([...new Set(customerIds)]);
    if (erased.length > 0) throw customersErased(erased);
  }

  /** The deciding refusal, first in the writing transaction: serialised with a concurrent erasure of any of these customers. */
  async refuseErasedWithin(manager: EntityManager, customerIds: readonly string[]): Promise<void> {
    const erased = await this.repository.erasedAmongWithin(manager, [...new Set(customerIds)]);
    if (erased.length > 0) throw customersErased(erased);
  }
}
