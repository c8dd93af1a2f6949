import { ErasureAction, type ErasureCount, type SubjectDataHandler } from '@c360/shared';
import { identityErased } from './subject-data.errors';
import type { EntityManager } from 'typeorm';
import type { CustomerSubjectDataRepository, ExternalIdPair } from './subject-data.repository';

function refuseAmong(asked: readonly ExternalIdPair[], erased: readonly ExternalIdPair[], argument: string): void {
  if (erased.length === 0) return;
  const positions = asked.flatMap((pair, i) => (erased.includes(pair) ? [i] : []));
  throw identityErased(argument, positions);
}

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

  /** Refuses external ids that belonged to an erased customer (typed SUBJECT_ERASED, naming their positions in `argument`). */
  async refuseErased(externalIds: readonly ExternalIdPair[], argument = 'externalIds'): Promise<void> {
    refuseAmong(externalIds, await this.repository.erasedAmong(externalIds), argument);
  }

  /**
   * The same, first in the transaction that adds the external ids: an erasure step in flight finishes first
   * (the customer gate), so one that committed after the early check is seen here; a later one waits for this
   * transaction and then erases what it wrote.
   */
  async refuseErasedWithin(manager: EntityManager, externalIds: readonly ExternalIdPair[], argument = 'externalIds'): Promise<void> {
    refuseAmong(externalIds, await this.repository.erasedAmongWithin(manager, externalIds), argument);
  }
}
