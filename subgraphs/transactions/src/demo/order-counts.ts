import { AVERAGE_ORDERS_PER_CUSTOMER, Random, type DemoOptions } from '@c360/shared';

const PROSPECT_SHARE = 0.1;
const PARETO_ALPHA = 1.5;
/** Shifting the Pareto towards 0 gives many occasional buyers (a few orders) next to the regulars. */
const SHIFT = 0.9;
/** Caps the heaviest buyer (~12× the average), so one customer never dominates a small demo. */
const MAX_WEIGHT = 20;

/**
 * Orders per demo customer: ~10% prospects with none, the rest a Pareto long tail scaled so
 * the total is exactly AVERAGE_ORDERS_PER_CUSTOMER × customers (largest-remainder rounding).
 */
export function demoOrderCounts(options: DemoOptions): number[] {
  const weights = Array.from({ length: options.customers }, (_, i) => {
    const random = new Random(`${options.seed}:buyer:${i}`);
    return random.chance(PROSPECT_SHARE) ? 0 : Math.min(random.pareto(PARETO_ALPHA) - SHIFT, MAX_WEIGHT);
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) return weights;
  const target = AVERAGE_ORDERS_PER_CUSTOMER * options.customers;
  const exact = weights.map((w) => (w * target) / weightSum);
  const counts = exact.map((x) => (x > 0 ? Math.max(1, Math.floor(x)) : 0));
  const byRemainder = exact.map((x, i) => i).filter((i) => weights[i] > 0).sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]) || a - b);
  let missing = target - counts.reduce((a, b) => a + b, 0);
  for (let j = 0; missing > 0; j = (j + 1) % byRemainder.length, missing--) counts[byRemainder[j]]++;
  return counts;
}
