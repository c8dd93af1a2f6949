import type { ReleasePolicySettings } from '../analytics.settings';
import { geometricNoise, geometricStandardDeviation } from './geometric-mechanism';
import type { NoiseSource } from './noise-source';

/** How far one customer can move one released value: in how many groups they count, and by how much in each. */
export interface Contribution {
  /** Groups of this measure one customer may count in (1 when groups partition the customers). */
  groups: number;
  /** The most one customer adds to one group's value (1 for a distinct-customer count). */
  perGroup: number;
}

/**
 * One aggregate query's release: ε per query is split evenly over the measures it publishes
 * (sequential composition); each value gets geometric noise scaled to its contribution bound.
 */
export class AggregateRelease {
  constructor(
    private readonly policy: AggregateReleasePolicy,
    private readonly epsilonPerMeasure: number,
  ) {}

  /** A noisy count, never negative (clamping is post-processing: it costs no privacy). */
  count(value: number, contribution: Contribution): number {
    return Math.max(0, value + geometricNoise(this.policy.noise, this.epsilonPerMeasure, contribution.groups * contribution.perGroup));
  }

  /** A noisy sum of money, noised in whole cents (integer mechanism), never negative. */
  amount(value: number, groups: number): number {
    const cents = Math.round(value * 100) + geometricNoise(this.policy.noise, this.epsilonPerMeasure, groups * Math.round(this.policy.settings.maxAmountPerCustomer * 100));
    return Math.max(0, cents) / 100;
  }

  /** Standard deviation of the noise count() adds for this contribution, for intervals over released counts. */
  countNoiseSd(contribution: Contribution): number {
    return this.policy.noise.drawsZero ? 0 : geometricStandardDeviation(this.epsilonPerMeasure, contribution.groups * contribution.perGroup);
  }

  /** Standard deviation of the noise amount() adds, in currency units. */
  amountNoiseSd(groups: number): number {
    return this.policy.noise.drawsZero ? 0 : geometricStandardDeviation(this.epsilonPerMeasure, groups * Math.round(this.policy.settings.maxAmountPerCustomer * 100)) / 100;
  }

  /**
   * A group is published only if it truly has k customers (never a group of one, however lucky the
   * noise) and its noisy count reaches k too, so whether a group near k appears depends on noise,
   * not on one customer joining or leaving.
   */
  releasable(exactCustomers: number, noisyCustomers: number): boolean {
    const k = this.policy.settings.minimumGroupSize;
    return exactCustomers >= k && noisyCustomers >= k;
  }
}

/** The one policy every aggregate of every subgraph goes through (README, "BI and aggregates"). */
export class AggregateReleasePolicy {
  constructor(
    readonly settings: ReleasePolicySettings,
    readonly noise: NoiseSource,
  ) {}

  get minimumGroupSize() {
    return this.settings.minimumGroupSize;
  }

  /** A release publishing `measures` values per group. */
  release(measures: number): AggregateRelease {
    return new AggregateRelease(this, this.settings.epsilonPerQuery / measures);
  }
}
