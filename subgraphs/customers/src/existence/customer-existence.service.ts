import { CustomerExistenceStatus, isUuid } from '@c360/shared';
import type { CustomerRepository } from '../customer/customer.repository';
import type { MergeRepository } from '../merge/merge.repository';
import type { CustomerSubjectDataRepository } from '../subject-data/subject-data.repository';

/** The customers subgraph is where a customer id is born and erased: the authority feeds ask. */
export class CustomerExistenceService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly subjectData: CustomerSubjectDataRepository,
    private readonly merges: MergeRepository,
  ) {}

  /** One status per id, in request order; a malformed id is UNKNOWN; a retired id is MERGED with its survivor and merge. */
  async of(customerIds: readonly string[]): Promise<{ customerId: string; status: CustomerExistenceStatus; survivorId: string | null; mergeId: string | null }[]> {
    const ids = customerIds.map((id) => id.toLowerCase());
    const wellFormed = [...new Set(ids.filter(isUuid))];
    const [found, erased, aliases] = await Promise.all([this.customers.findByIds(wellFormed), this.subjectData.erasedCustomersAmong(wellFormed), this.merges.aliasesAmong(wellFormed)]);
    const existing = new Set(found.map((c) => c.id));
    const gone = new Set(erased);
    return ids.map((customerId) => {
      const alias = aliases.get(customerId);
      if (gone.has(customerId)) return { customerId, status: CustomerExistenceStatus.ERASED, survivorId: null, mergeId: null };
      if (existing.has(customerId)) return { customerId, status: CustomerExistenceStatus.EXISTS, survivorId: null, mergeId: null };
      if (alias) return { customerId, status: CustomerExistenceStatus.MERGED, survivorId: alias.survivorId, mergeId: alias.mergeId };
      return { customerId, status: CustomerExistenceStatus.UNKNOWN, survivorId: null, mergeId: null };
    });
  }
}
