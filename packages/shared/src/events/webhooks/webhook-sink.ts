import type { EventEnvelope } from '../event-envelope';
import type { EventSink } from '../event-sink';
import { endpointProblem } from './endpoint-policy';
import { signWebhook, type WebhookSecrets } from './webhook-signer';

export interface WebhookEndpoint {
  url: string;
  secrets: WebhookSecrets;
  /** Per request (default 5 s): a slow receiver is a failed attempt, retried with backoff. */
  timeoutMs?: number;
  /** Development and tests only: loopback and private addresses, plain http. */
  allowPrivate: boolean;
  /** Which events go to this endpoint (default: all). */
  accepts?: (event: EventEnvelope) => boolean;
}

/**
 * Delivers events to one endpoint as signed Standard Webhooks POSTs: any 2xx is delivered, anything
 * else (or a timeout) rejects, so the dispatcher retries with the same webhook-id. Redirects are not followed.
 */
export function webhookSink(endpoint: WebhookEndpoint): EventSink {
  return {
    name: 'webhook',
    async deliver(event) {
      if (endpoint.accepts && !endpoint.accepts(event)) return;
      const problem = endpointProblem(endpoint.url, { allowPrivate: endpoint.allowPrivate });
      if (problem) throw new Error(`endpoint refused: ${problem}`);
      const body = JSON.stringify(event);
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: signWebhook(endpoint.secrets, event.id, body),
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(endpoint.timeoutMs ?? 5_000),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status >= 300) throw new Error(`receiver answered ${response.status}`);
    },
  };
}
