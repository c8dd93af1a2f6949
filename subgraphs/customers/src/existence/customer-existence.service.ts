import { CustomerExistenceStatus, isUuid } from '@c360/shared';
import type { CustomerRepository } from '../customer/customer.repository';
import type { CustomerSubjectDataRepository } from '../subject-data/subject-data.repository';

/** The customers subgraph is where a customer id is born and erased: the authority feeds ask. */
export class CustomerExistenceService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly subjectData: CustomerSubjectDataRepository,
  ) {}

  /** One status per id, in request order; a malformed id is UNKNOWN. */
  async of(customerIds: readonly string[]): Promise<{ customerId: string; status: CustomerExistenceStatus }[]> {
    const ids = customerIds.map((id) => id.toLowerCase());
    const wellFormed = [...new Set(ids.filter(isUuid))];
    const [found, erased] = await Promise.all([this.customers.findByIds(wellFormed), this.subjectData.erasedCustomersAmong(wellFormed)]);
    const existing = new Set(found.map((c) => c.id));
    const gone = new Set(erased);
    return ids.map((customerId) => ({
      customerId,
      status: gone.has(customerId) ? CustomerExistenceStatus.ERASED : existing.has(customerId) ? CustomerExistenceStatus.EXISTS : CustomerExistenceStatus.UNKNOWN,
    }));
  }
}
