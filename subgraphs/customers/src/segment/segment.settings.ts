import { parseEnv, setting, type Env } from '@c360/shared';

/**
 * SEGMENT_MAX_AGE_SECONDS (default 300): a segment read whose members were evaluated longer
 * ago than this is re-evaluated first; 0 re-evaluates on every read. Read once at boot.
 */
export const segmentEnvSettings = {
  SEGMENT_MAX_AGE_SECONDS: setting.int({ default: 300, min: 0, max: 7 * 86_400 }),
};

export interface SegmentSettings {
  maxAgeSeconds: number;
}

export function readSegmentSettings(env: Env = process.env): SegmentSettings {
  return { maxAgeSeconds: parseEnv(segmentEnvSettings, env).SEGMENT_MAX_AGE_SECONDS };
}
