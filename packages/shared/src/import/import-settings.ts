import { parseEnv, setting, type Env } from '../config/env-schema';

/**
 * IMPORT_MAX_LINE_BYTES (default 1 MiB): the longest line an import reads. A longer one is a bad
 * row (`(line)`, never its content) and skipped without being held in memory; the file goes on.
 * IMPORT_JOB_RETENTION_DAYS (default 30): import jobs, their bad-row reports and the per-job rows a
 * kind keeps are deleted this many days after they finished (or last advanced, for a job that died
 * running), swept when a job starts; a failed job can be resumed only until then. Both read once at boot.
 */
export const importEnvSettings = {
  IMPORT_MAX_LINE_BYTES: setting.int({ default: 1_048_576, min: 1_024, max: 64 * 1_048_576 }),
  IMPORT_JOB_RETENTION_DAYS: setting.int({ default: 30, min: 1, max: 3_650 }),
};

export interface ImportSettings {
  maxLineBytes: number;
  retentionDays: number;
}

export function readImportSettings(env: Env = process.env): ImportSettings {
  const parsed = parseEnv(importEnvSettings, env);
  return { maxLineBytes: parsed.IMPORT_MAX_LINE_BYTES, retentionDays: parsed.IMPORT_JOB_RETENTION_DAYS };
}
