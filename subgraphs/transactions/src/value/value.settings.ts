import { parseEnv, setting, type Env } from '@c360/shared';

/**
 * TRANSACTIONS_VALUE_WINDOW_DAYS: the RFM window (default 365 days). At least 90 days, so a NEW
 * customer (first purchase within 90 days) is always inside the window.
 * TRANSACTIONS_VALUE_REFRESH_HOURS (default 24; 0 turns it off): how often the whole base is
 * refreshed on a timer, so recency, quintiles and lifecycle stages move on for customers who
 * stopped buying (an order refreshes only its customer). Both read once at boot.
 */
export const valueEnvSettings = {
  TRANSACTIONS_VALUE_WINDOW_DAYS: setting.int({ default: 365, min: 90, max: 3650 }),
  // At most 24 days: a longer timer would overflow Node's 32-bit timer delay.
  TRANSACTIONS_VALUE_REFRESH_HOURS: setting.int({ default: 24, min: 0, max: 24 * 24 }),
};

export interface ValueSettings {
  windowDays: number;
  refreshHours: number;
}

export function readValueSettings(env: Env = process.env): ValueSettings {
  const parsed = parseEnv(valueEnvSettings, env);
  return { windowDays: parsed.TRANSACTIONS_VALUE_WINDOW_DAYS, refreshHours: parsed.TRANSACTIONS_VALUE_REFRESH_HOURS };
}
