import type { SegmentRepository } from './segment.repository';
import type { SegmentRule } from './segment-rule';
import type { CustomerSegmentMembershipType } from './segment.type';

/** Which members of a segment the caller may learn about: null all, a list only those, NONE nobody. */
export type MemberRelease = readonly string[] | null | typeof NONE;
export const NONE = 'NONE' as const;

/** Memberships for a batch of customers, in one statement whatever the batch size. */
export class SegmentMembershipService {
  constructor(private readonly segments: SegmentRepository) {}

  /**
   * Membership is the answer of the segment's conditions, so a segment is reported only for
   * customers whose condition categories `releaseOf` releases to the caller (one gate per rule).
   */
  async of(customerIds: string[], releaseOf: (rule: SegmentRule) => Promise<MemberRelease>): Promise<CustomerSegmentMembershipType[]> {
    const unique = [...new Set(customerIds)];
    const memberships = unique.length ? await this.segments.membershipsOf(unique) : new Map<string, string[]>();
    const segmentIds = [...new Set([...memberships.values()].flat())];
    const rules = segmentIds.length ? await this.segments.findByIds(segmentIds) : [];
    const toSet = (release: MemberRelease) => (release === NONE ? NONE : release && new Set(release));
    const releases = new Map(await Promise.all(rules.map(async (s) => [s.id, toSet(await releaseOf(s.rule))] as const)));
    const released = (customerId: string, segmentId: string) => {
      const release = releases.get(segmentId);
      if (release === undefined || release === NONE) return false;
      return release === null || release.has(customerId);
    };
    return customerIds.map((customerId) => ({ customerId, segmentIds: (memberships.get(customerId) ?? []).filter((segmentId) => released(customerId, segmentId)) }));
  }
}
