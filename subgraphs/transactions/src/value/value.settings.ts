import { parseEnv, setting, type Env } from '@c360/shared';

/**
 * TRANSACTIONS_VALUE_WINDOW_DAYS: the RFM window (default 365 days), read once at boot.
 * At least 90 days, so a NEW customer (first purchase within 90 days) is always inside the window.
 */
export const valueEnvSettings = {
  TRANSACTIONS_VALUE_WINDOW_DAYS: setting.int({ default: 365, min: 90, max: 3650 }),
};

export interface ValueSettings {
  windowDays: number;
}

export function readValueSettings(env: Env = process.env): ValueSettings {
  return { windowDays: parseEnv(valueEnvSettings, env).TRANSACTIONS_VALUE_WINDOW_DAYS };
}
