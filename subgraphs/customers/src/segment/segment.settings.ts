import { parseEnv, setting, type Env } from '@c360/shared';

/**
 * SEGMENT_MAX_AGE_SECONDS (default 300): a segment read whose members were evaluated longer
 * ago than this is re-evaluated first; 0 re-evaluates on every read.
 * SEGMENT_REFRESH_SECONDS (default 60; 0 turns it off): how often a background job re-evaluates
 * the segments older than the maximum age, so that offer targeting, which reads memberships
 * without re-evaluating, never relies on much older ones.
 * SEGMENT_SIZE_HISTORY_DAYS (default 90, 1 to 3650): how long a segment's recorded sizes
 * (Segment.sizeHistory) are kept; older ones are deleted when the segment is next evaluated and by
 * the background refresh, and never served. Read once at boot.
 * SEGMENT_FOLLOW_RETRY_MS (default 5000): after an incremental re-evaluation whose consent could not
 * be decided, the first wait before retrying those customers (doubling up to the refresh interval,
 * at least a minute); their memberships stay as they were meanwhile. Read once at boot.
 */
export const segmentEnvSettings = {
  SEGMENT_MAX_AGE_SECONDS: setting.int({ default: 300, min: 0, max: 7 * 86_400 }),
  SEGMENT_REFRESH_SECONDS: setting.int({ default: 60, min: 0, max: 86_400 }),
  SEGMENT_SIZE_HISTORY_DAYS: setting.int({ default: 90, min: 1, max: 3650 }),
  SEGMENT_FOLLOW_RETRY_MS: setting.int({ default: 5000, min: 10, max: 3_600_000 }),
};

export interface SegmentSettings {
  maxAgeSeconds: number;
  refreshSeconds: number;
  sizeHistoryDays: number;
  followRetryMs: number;
}

export function readSegmentSettings(env: Env = process.env): SegmentSettings {
  const parsed = parseEnv(segmentEnvSettings, env);
  return { maxAgeSeconds: parsed.SEGMENT_MAX_AGE_SECONDS, refreshSeconds: parsed.SEGMENT_REFRESH_SECONDS, sizeHistoryDays: parsed.SEGMENT_SIZE_HISTORY_DAYS, followRetryMs: parsed.SEGMENT_FOLLOW_RETRY_MS };
}
