import type { SegmentRepository } from './segment.repository';
import type { CustomerSegmentMembershipType } from './segment.type';

/** Memberships for a batch of customers, in one statement whatever the batch size. */
export class SegmentMembershipService {
  constructor(private readonly segments: SegmentRepository) {}

  async of(customerIds: string[]): Promise<CustomerSegmentMembershipType[]> {
    const unique = [...new Set(customerIds)];
    const memberships = unique.length ? await this.segments.membershipsOf(unique) : new Map<string, string[]>();
    return customerIds.map((customerId) => ({ customerId, segmentIds: memberships.get(customerId) ?? [] }));
  }
}
