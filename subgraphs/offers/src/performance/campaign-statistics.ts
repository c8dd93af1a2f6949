/**
 * The statistics of a campaign's arms (treated vs holdout), on released counts. Each count carries
 * the release policy's noise with a known standard deviation; intervals add that variance to the
 * sampling variance, so they are honest about both. 95% two-sided throughout.
 */

export const CONFIDENCE_LEVEL = 0.95;
const Z = 1.959963984540054; // Φ⁻¹(0.975)
const Z_POWER = 0.8416212335729143; // Φ⁻¹(0.80): the power the minimum sample is computed for

export interface Interval {
  low: number;
  high: number;
}

/** One arm as released: distinct customers reached, those who redeemed, their revenue, and the noise on each. */
export interface ArmCounts {
  reach: number;
  converted: number;
  revenue: number;
  /** Standard deviation of the noise on each released customer count (0 when none was added). */
  countNoiseSd: number;
  /** Standard deviation of the noise on the released revenue sum. */
  revenueNoiseSd: number;
  /** The most one customer's revenue counts (the release policy's bound): revenue per customer lies in [0, this]. */
  maxRevenuePerCustomer: number;
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 for erf; absolute error < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Variance the noise adds to a rate x/n whose numerator and denominator are both noisy (delta method). */
const noiseVarianceOfRate = (p: number, n: number, sd: number) => (sd * sd * (1 + p * p)) / (n * n);

/**
 * Wilson score interval of a proportion. With noisy counts it is taken on the effective sample
 * size n / deff, where deff = 1 + (noise variance of the rate) / (binomial variance), the binomial
 * variance floored at 1/n² per customer so a 0% or 100% rate still widens; without noise it is
 * the textbook Wilson interval.
 */
export function wilsonInterval(converted: number, reach: number, noiseSd = 0): Interval | null {
  if (reach <= 0) return null;
  const p = clamp01(converted / reach);
  const binomial = Math.max((p * (1 - p)) / reach, 1 / (reach * reach));
  const n = reach / (1 + noiseVarianceOfRate(p, reach, noiseSd) / binomial);
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: clamp01(centre - half), high: clamp01(centre + half) };
}

/** Newcombe's hybrid score interval (method 10) for p₁ − p₀, from each arm's Wilson interval. */
export function differenceInterval(p1: number, i1: Interval, p0: number, i0: Interval): Interval {
  const d = p1 - p0;
  return { low: d - Math.hypot(p1 - i1.low, i0.high - p0), high: d + Math.hypot(i1.high - p1, p0 - i0.low) };
}

/** Two-sided p-value of the two-proportion z-test (pooled), with the noise variance of both rates added. */
export function twoProportionPValue(treated: ArmCounts, holdout: ArmCounts): number | null {
  if (treated.reach <= 0 || holdout.reach <= 0) return null;
  const p1 = clamp01(treated.converted / treated.reach);
  const p0 = clamp01(holdout.converted / holdout.reach);
  const pooled = clamp01((treated.converted + holdout.converted) / (treated.reach + holdout.reach));
  const variance =
    pooled * (1 - pooled) * (1 / treated.reach + 1 / holdout.reach) + noiseVarianceOfRate(p1, treated.reach, treated.countNoiseSd) + noiseVarianceOfRate(p0, holdout.reach, holdout.countNoiseSd);
  if (variance <= 0) return p1 === p0 ? 1 : 0;
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(p1 - p0) / Math.sqrt(variance))));
}

/**
 * Revenue per reached customer with its interval. The variance of one customer's revenue is
 * bounded by m(M − m) (Bhatia–Davis: values in [0, M] with mean m), so the interval is
 * conservative and needs no further release; the noise of both sums is added.
 */
export function revenuePerCustomer(arm: ArmCounts): { mean: number; variance: number; interval: Interval } | null {
  if (arm.reach <= 0) return null;
  const max = arm.maxRevenuePerCustomer;
  const mean = Math.min(max, Math.max(0, arm.revenue / arm.reach));
  const variance = (mean * (max - mean)) / arm.reach + (arm.revenueNoiseSd ** 2 + mean * mean * arm.countNoiseSd ** 2) / arm.reach ** 2;
  const half = Z * Math.sqrt(variance);
  return { mean, variance, interval: { low: Math.max(0, mean - half), high: mean + half } };
}

/** Interval of the difference of two independent means (normal approximation). */
export function meanDifferenceInterval(a: { mean: number; variance: number }, b: { mean: number; variance: number }): Interval {
  const d = a.mean - b.mean;
  const half = Z * Math.sqrt(a.variance + b.variance);
  return { low: d - half, high: d + half };
}

/**
 * Customers needed per arm to detect the observed difference with a two-sided 5% test at 80%
 * power (Fleiss, without continuity correction); null when the arms do not differ.
 */
export function minimumSamplePerArm(p1: number, p0: number): number | null {
  const d = Math.abs(p1 - p0);
  if (d === 0) return null;
  const mean = (p1 + p0) / 2;
  const root = Z * Math.sqrt(2 * mean * (1 - mean)) + Z_POWER * Math.sqrt(p1 * (1 - p1) + p0 * (1 - p0));
  return Math.ceil((root * root) / (d * d));
}

/** Fewer than 5 expected successes or failures in an arm: the normal approximations above are unreliable. */
export const smallSample = (arm: ArmCounts) => arm.converted < 5 || arm.reach - arm.converted < 5;
