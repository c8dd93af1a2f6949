import { ErasureAction, type ErasureCount, type SubjectDataHandler } from '@c360/shared';
import { identityErased } from './subject-data.errors';
import type { CustomerSubjectDataRepository, ExternalIdPair } from './subject-data.repository';

/**
 * Retention here: nothing is kept. The profile, its external identities, interactions and
 * segment memberships are deleted; a keyed hash of each external identity stays as a tombstone
 * against re-ingest. The export includes the segments the customer is in (profiling output).
 */
export class CustomerSubjectData implements SubjectDataHandler {
  constructor(private readonly repository: CustomerSubjectDataRepository) {}

  async exportSubject(customerId: string): Promise<Record<string, unknown>> {
    const [profile, externalIds, interactions, segments] = await Promise.all([
      this.repository.profileOf(customerId),
      this.repository.externalIdsOf(customerId),
      this.repository.interactionsOf(customerId),
      this.repository.segmentsOf(customerId),
    ]);
    return { profile: profile && { ...profile, externalIds: undefined }, externalIds, interactions, segments };
  }

  async eraseSubject(customerId: string, _requestId: string, now = new Date()): Promise<ErasureCount[]> {
    const rows = await this.repository.erase(customerId, now);
    return [
      { table: 'customers.customer', action: ErasureAction.DELETED, rows: rows.profiles },
      { table: 'customers.external_identity', action: ErasureAction.DELETED, rows: rows.externalIds },
      { table: 'customers.interaction', action: ErasureAction.DELETED, rows: rows.interactions },
      { table: 'customers.segment_member', action: ErasureAction.DELETED, rows: rows.segmentMemberships },
      { table: 'customers.erased_identity', action: ErasureAction.TOMBSTONED, rows: rows.tombstoned },
      { table: 'customers.erased_customer', action: ErasureAction.TOMBSTONED, rows: rows.tombstonedId },
    ];
  }

  /** Refuses external ids that belonged to an erased customer (typed CONFLICT, reason SUBJECT_ERASED). */
  async refuseErased(externalIds: readonly ExternalIdPair[]): Promise<void> {
    const erased = await this.repository.erasedAmong(externalIds);
    if (erased.length > 0) throw identityErased(erased);
  }
}
