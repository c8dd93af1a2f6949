import type { ValueTransformer } from 'typeorm';

/**
 * Whether `value` has at most `places` decimals (money in cents: 2), within float noise: what a
 * numeric(p, places) column can store exactly. The one check behind every "at most N decimals" rule.
 */
export const hasAtMostDecimals = (value: number, places: number): boolean => {
  const scaled = value * 10 ** places;
  return Math.abs(Math.round(scaled) - scaled) < 1e-6;
};

/** numeric columns arrive as strings from pg; the API speaks Float. */
export const numericAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
