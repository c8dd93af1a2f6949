import type { InterestRepository } from './interest.repository';
import type { CustomerInterestsType } from './interest.type';

/** How far back interactions count as interests (the offer ranking's memory of them). */
export const INTEREST_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/** Who the interests may be told about: a per-customer BEHAVIOURAL release to the caller. */
export type BehaviouralRelease = (customerIds: string[]) => Promise<boolean[]>;

export class InterestService {
  constructor(private readonly interests: InterestRepository) {}

  /** In request order; a customer whose BEHAVIOURAL data is not released to the caller has none (like one who showed none). */
  async of(customerIds: string[], released: BehaviouralRelease, now = new Date()): Promise<CustomerInterestsType[]> {
    const allowed = await released(customerIds);
    const asked = customerIds.filter((_, i) => allowed[i]);
    const rows = asked.length ? await this.interests.of(asked, new Date(now.getTime() - INTEREST_WINDOW_DAYS * DAY_MS)) : [];
    return customerIds.map((customerId) => ({
      customerId,
      interests: rows.filter((r) => r.customerId === customerId).map(({ category, source, count }) => ({ category, source, count })),
    }));
  }
}
