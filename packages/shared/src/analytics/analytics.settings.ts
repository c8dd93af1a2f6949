import { ConfigError, parseEnv, setting, type Env } from '../config/env-schema';

/**
 * The aggregate release policy's knobs (README, "BI and aggregates"), validated at boot; an
 * invalid value stops the service from starting. The privacy unit is always the customer.
 */
export const analyticsEnvSettings = {
  /** k: a group with fewer (noisy) customers is left out whole, key included. */
  BI_MIN_GROUP_SIZE: setting.int({ default: 10, min: 2, max: 1_000_000 }),
  /** ε one aggregate query spends from the caller's budget, split over the measures it releases. */
  AGGREGATE_EPSILON_PER_QUERY: setting.number({ default: 1, min: 0.01, max: 10 }),
  /** ε one client may spend per UTC day in each subgraph that releases aggregates. */
  AGGREGATE_DAILY_EPSILON_BUDGET: setting.number({ default: 20, min: 0.01, max: 10_000 }),
  /** How many groups of one aggregate a customer may count in (the rest of their rows are dropped). */
  AGGREGATE_MAX_GROUPS_PER_CUSTOMER: setting.int({ default: 3, min: 1, max: 100 }),
  /** How many orders / responses of one customer count in one group. */
  AGGREGATE_MAX_EVENTS_PER_CUSTOMER: setting.int({ default: 5, min: 1, max: 1000 }),
  /** The most money (currency units) one customer adds to one group's sum; larger sums are clamped. */
  AGGREGATE_MAX_AMOUNT_PER_CUSTOMER: setting.number({ default: 500, min: 1, max: 1_000_000 }),
  /** Development and tests only: draw the noise from a deterministic stream; refused in production. */
  AGGREGATE_NOISE_SEED: setting.string({ optional: true }),
};

export interface ReleasePolicySettings {
  minimumGroupSize: number;
  epsilonPerQuery: number;
  dailyEpsilonBudget: number;
  maxGroupsPerCustomer: number;
  maxEventsPerCustomer: number;
  maxAmountPerCustomer: number;
  /** Set only outside production: the noise stream's seed. */
  noiseSeed?: string;
}

export function readReleasePolicySettings(env: Env = process.env): ReleasePolicySettings {
  const s = parseEnv(analyticsEnvSettings, env);
  const problems: string[] = [];
  if (s.AGGREGATE_EPSILON_PER_QUERY > s.AGGREGATE_DAILY_EPSILON_BUDGET) problems.push('AGGREGATE_EPSILON_PER_QUERY must not exceed AGGREGATE_DAILY_EPSILON_BUDGET');
  if (s.AGGREGATE_NOISE_SEED !== undefined && env.NODE_ENV === 'production') problems.push('AGGREGATE_NOISE_SEED is refused in production (noise must be unpredictable)');
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    minimumGroupSize: s.BI_MIN_GROUP_SIZE,
    epsilonPerQuery: s.AGGREGATE_EPSILON_PER_QUERY,
    dailyEpsilonBudget: s.AGGREGATE_DAILY_EPSILON_BUDGET,
    maxGroupsPerCustomer: s.AGGREGATE_MAX_GROUPS_PER_CUSTOMER,
    maxEventsPerCustomer: s.AGGREGATE_MAX_EVENTS_PER_CUSTOMER,
    maxAmountPerCustomer: s.AGGREGATE_MAX_AMOUNT_PER_CUSTOMER,
    noiseSeed: s.AGGREGATE_NOISE_SEED,
  };
}

export const readMinGroupSize = (env: Env = process.env): number => readReleasePolicySettings(env).minimumGroupSize;
