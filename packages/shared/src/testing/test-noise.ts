import type { NoiseSource } from '../analytics/release-policy/noise-source';

/**
 * Tests of grouping, clamping and thresholds: every geometric draw is 0 (u just below 1), so the
 * figures are the bounded exact ones. Only reachable from tests; services take noise from settings.
 */
export const noNoise: NoiseSource = { uniform: () => 1 - 2 ** -53, drawsZero: true };
