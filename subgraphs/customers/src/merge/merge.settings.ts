import { parseEnv, setting, type Env } from '@c360/shared';

/** MERGE_UNDO_DAYS (default 30): how long after a merge `unmergeCustomers` restores both profiles. Read once at boot. */
export const mergeEnvSettings = {
  MERGE_UNDO_DAYS: setting.int({ default: 30, min: 1, max: 3650 }),
};

export interface MergeSettings {
  undoDays: number;
  /** Per peer call of a merge step. */
  peerTimeoutMs: number;
}

export function readMergeSettings(env: Env = process.env): MergeSettings {
  return { undoDays: parseEnv(mergeEnvSettings, env).MERGE_UNDO_DAYS, peerTimeoutMs: 30_000 };
}
