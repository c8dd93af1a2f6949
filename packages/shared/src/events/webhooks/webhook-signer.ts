import { Webhook } from 'standardwebhooks';

/** A subscription's signing secrets: the current one, and during a rotation's overlap the previous one too. */
export interface WebhookSecrets {
  /** `whsec_` + base64 of 24 to 64 random bytes. */
  current: string;
  /** Signed with as well until `previousUntil`, so a receiver that still holds it keeps verifying. */
  previous?: string | null;
  previousUntil?: Date | null;
}

/**
 * The Standard Webhooks headers of one delivery: `webhook-id` (the event id, stable across retries),
 * `webhook-timestamp` (seconds) and `webhook-signature` (space-separated `v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>`, one per secret in force).
 */
export function signWebhook(secrets: WebhookSecrets, id: string, body: string, now = new Date()): Record<string, string> {
  const keys = [secrets.current, ...(secrets.previous && secrets.previousUntil && secrets.previousUntil > now ? [secrets.previous] : [])];
  const signatures = keys.map((secret) => new Webhook(secret).sign(id, now, body));
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
