import { parseEnv, setting, type Env, type RetryPolicy } from '@c360/shared';

/**
 * Webhook delivery, validated at boot with the subgraph's other settings. Private and loopback
 * endpoints follow NODE_ENV (allowed outside production), not a setting of their own.
 */
export const webhookEnvSettings = {
  /** How often due deliveries are sent; 0: no timer (tests send by hand). */
  WEBHOOK_POLL_MS: setting.int({ default: 500, min: 0, max: 60_000 }),
  WEBHOOK_TIMEOUT_MS: setting.int({ default: 5_000, min: 100, max: 60_000 }),
  WEBHOOK_BATCH_SIZE: setting.int({ default: 100, min: 1, max: 10_000 }),
  WEBHOOK_RETRY_BASE_MS: setting.int({ default: 1_000, min: 1, max: 3_600_000 }),
  WEBHOOK_RETRY_MAX_MS: setting.int({ default: 300_000, min: 1, max: 86_400_000 }),
  WEBHOOK_MAX_ATTEMPTS: setting.int({ default: 12, min: 1, max: 1_000 }),
};

export interface WebhookSettings {
  pollMs: number;
  timeoutMs: number;
  batchSize: number;
  retry: RetryPolicy;
  /** Loopback, private addresses and plain http: development and tests only. */
  allowPrivate: boolean;
}

export function readWebhookSettings(production: boolean, env: Env = process.env): WebhookSettings {
  const s = parseEnv(webhookEnvSettings, env);
  return {
    pollMs: s.WEBHOOK_POLL_MS,
    timeoutMs: s.WEBHOOK_TIMEOUT_MS,
    batchSize: s.WEBHOOK_BATCH_SIZE,
    retry: { baseMs: s.WEBHOOK_RETRY_BASE_MS, maxMs: s.WEBHOOK_RETRY_MAX_MS, maxAttempts: s.WEBHOOK_MAX_ATTEMPTS },
    allowPrivate: !production,
  };
}
