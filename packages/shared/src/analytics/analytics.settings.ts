import { parseEnv, setting, type Env } from '../config/env-schema';

/** BI_MIN_GROUP_SIZE (k, default 10, at least 2): validated at boot; an invalid value stops the service from starting. */
export const analyticsEnvSettings = {
  BI_MIN_GROUP_SIZE: setting.int({ default: 10, min: 2, max: 1_000_000 }),
};

export const readMinGroupSize = (env: Env = process.env): number => parseEnv(analyticsEnvSettings, env).BI_MIN_GROUP_SIZE;
