import { retryDelayMs, uncounted, webhookSink } from '@c360/shared';
import type { WebhookDeliveryRepository, WebhookDeliveryRow } from './webhook-delivery.repository';
import type { WebhookSubscriptionRepository } from './webhook-subscription.repository';
import type { WebhookSubscriptionRow } from './webhook-subscription.service';
import type { PartnerDeliveryGate } from './partner-delivery.gate';
import type { WebhookSettings } from './webhook.settings';

const LEASE_MS = 30_000;

/**
 * Sends due webhook deliveries, at least once and in order per subscription and customer: signed
 * per Standard Webhooks (webhook-id = event id, the same on every retry), retried with exponential
 * backoff, then dead until staff replay it. A partner's delivery passes the relay rule again right
 * before it is sent (consent may have changed since it was planned) and is recorded in the
 * disclosure ledger before it leaves.
 */
export class WebhookDeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly gate: PartnerDeliveryGate,
    private readonly settings: WebhookSettings,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    if (this.settings.pollMs <= 0 || this.timer || this.stopped) return;
    const tick = () => {
      this.timer = null;
      void this.runOnce().finally(() => {
        if (this.stopped) return;
        this.timer = setTimeout(tick, this.settings.pollMs);
        this.timer.unref();
      });
    };
    this.timer = setTimeout(tick, this.settings.pollMs);
    this.timer.unref();
  }

  /** Sends what is due now, batch after batch; answers how many were delivered. Never rejects. */
  runOnce(): Promise<number> {
    if (this.running) return this.running;
    const run = uncounted(() => this.drain())
      .catch((error: Error) => {
        this.log(`[webhooks] delivery failed: ${error.message}`);
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    this.running = run;
    return run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async drain(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const rows = await this.deliveries.claim(this.settings.batchSize, LEASE_MS);
      if (rows.length === 0) return delivered;
      const subscriptions = new Map((await this.subscriptions.byIds([...new Set(rows.map((r) => r.subscriptionId))])).map((s) => [s.id, s]));
      const done: number[] = [];
      const dropped: number[] = [];
      for (const row of rows) {
        try {
          const outcome = await this.send(row, subscriptions.get(row.subscriptionId));
          (outcome === 'delivered' ? done : dropped).push(row.seq);
        } catch (error) {
          const described = (error as { message?: unknown } | null)?.message;
          const message = typeof described === 'string' && described ? described.slice(0, 500) : 'delivery failed';
          await this.deliveries.markFailed(row.seq, message, retryDelayMs(this.settings.retry, row.attempts));
        }
      }
      await this.deliveries.markDelivered(done);
      await this.deliveries.drop(dropped);
      delivered += done.length;
      if (this.stopped) return delivered;
    }
  }

  private async send(row: WebhookDeliveryRow, subscription: WebhookSubscriptionRow | undefined): Promise<'delivered' | 'dropped'> {
    if (!subscription || subscription.disabledAt) return 'dropped';
    let event = row.event;
    if (subscription.partnerId !== null) {
      const plan = await this.gate.plan(row.event, subscription.partnerId, subscription.id);
      if (!plan.deliver) return 'dropped';
      // Narrowed again to what consent covers now (a customer.updated's fields).
      event = plan.event;
      if (!row.disclosed) {
        await this.gate.recordDisclosure(subscription.partnerId, subscription.id, plan);
        await this.deliveries.markDisclosed(row.seq);
      }
    }
    const sink = webhookSink({
      url: subscription.url,
      secrets: { current: subscription.secret, previous: subscription.previousSecret, previousUntil: subscription.previousUntil },
      timeoutMs: this.settings.timeoutMs,
      allowPrivate: this.settings.allowPrivate,
    });
    await sink.deliver(event);
    return 'delivered';
  }
}
