import { parseEnv, setting } from '@c360/shared';

/** BI_MIN_GROUP_SIZE (k, default 10, at least 2): read once at boot; an invalid value stops the service from starting. */
export const MIN_GROUP_SIZE = parseEnv({ BI_MIN_GROUP_SIZE: setting.int({ default: 10, min: 2, max: 1_000_000 }) }).BI_MIN_GROUP_SIZE;
