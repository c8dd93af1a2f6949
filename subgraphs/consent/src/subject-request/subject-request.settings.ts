import { parseEnv, setting, type Env } from '@c360/shared';

/** DSR_MAX_ATTEMPTS automatic attempts per subgraph (per round; a resume starts a new round), backoff from DSR_RETRY_BASE_MS doubling. */
export const subjectRequestEnvSettings = {
  DSR_MAX_ATTEMPTS: setting.int({ default: 5, min: 1, max: 100 }),
  DSR_RETRY_BASE_MS: setting.int({ default: 5000, min: 10, max: 3_600_000 }),
  DSR_PEER_TIMEOUT_MS: setting.int({ default: 15_000, min: 100, max: 600_000 }),
};

export interface SubjectRequestSettings {
  maxAttempts: number;
  retryBaseMs: number;
  peerTimeoutMs: number;
}

export function readSubjectRequestSettings(env: Env = process.env): SubjectRequestSettings {
  const s = parseEnv(subjectRequestEnvSettings, env);
  return { maxAttempts: s.DSR_MAX_ATTEMPTS, retryBaseMs: s.DSR_RETRY_BASE_MS, peerTimeoutMs: s.DSR_PEER_TIMEOUT_MS };
}

const MAX_BACKOFF_MS = 3_600_000;

/** Delay before the next automatic attempt, or null when this round's attempts are used up. */
export function retryDelay(settings: SubjectRequestSettings, roundAttempts: number): number | null {
  if (roundAttempts >= settings.maxAttempts) return null;
  return Math.min(settings.retryBaseMs * 2 ** (roundAttempts - 1), MAX_BACKOFF_MS);
}
