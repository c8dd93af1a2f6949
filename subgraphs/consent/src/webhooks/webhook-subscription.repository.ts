import type { DataSource } from 'typeorm';
import type { WebhookSubscriptionRow, WebhookSubscriptionStore } from './webhook-subscription.service';

const COLUMNS = `id, partner_id, url, event_types, secret, previous_secret, previous_until, created_at, disabled_at`;

function toRow(raw: Record<string, unknown>): WebhookSubscriptionRow {
  return {
    id: String(raw.id),
    partnerId: (raw.partner_id as string | null) ?? null,
    url: String(raw.url),
    eventTypes: raw.event_types as string[],
    secret: String(raw.secret),
    previousSecret: (raw.previous_secret as string | null) ?? null,
    previousUntil: raw.previous_until ? new Date(raw.previous_until as string) : null,
    createdAt: new Date(raw.created_at as string),
    disabledAt: raw.disabled_at ? new Date(raw.disabled_at as string) : null,
  };
}

/** All SQL for webhook subscriptions; every read is within one owner (a partner, or null for internal ones). */
export class WebhookSubscriptionRepository implements WebhookSubscriptionStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(row: WebhookSubscriptionRow): Promise<void> {
    await this.dataSource.query(`INSERT INTO consent.webhook_subscription (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [row.id, row.partnerId, row.url, row.eventTypes, row.secret, row.previousSecret, row.previousUntil, row.createdAt, row.disabledAt]);
  }

  async list(owner: string | null): Promise<WebhookSubscriptionRow[]> {
    const raw: Record<string, unknown>[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM consent.webhook_subscription WHERE partner_id IS NOT DISTINCT FROM $1 ORDER BY created_at, id`, [owner]);
    return raw.map(toRow);
  }

  async find(owner: string | null, id: string): Promise<WebhookSubscriptionRow | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    const raw: Record<string, unknown>[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM consent.webhook_subscription WHERE id = $1 AND partner_id IS NOT DISTINCT FROM $2`, [id, owner]);
    return raw[0] ? toRow(raw[0]) : null;
  }

  async rotate(id: string, secret: string, previousSecret: string, previousUntil: Date): Promise<void> {
    await this.dataSource.query(`UPDATE consent.webhook_subscription SET secret = $2, previous_secret = $3, previous_until = $4 WHERE id = $1`, [id, secret, previousSecret, previousUntil]);
  }

  async disable(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE consent.webhook_subscription SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL`, [id, at]);
  }

  /** The relay's read, across owners: enabled subscriptions to one event type. */
  async subscribedTo(type: string): Promise<WebhookSubscriptionRow[]> {
    const raw: Record<string, unknown>[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM consent.webhook_subscription WHERE disabled_at IS NULL AND $1 = ANY(event_types) ORDER BY created_at, id`, [type]);
    return raw.map(toRow);
  }

  /** The relay's read for a batch of events, across owners: enabled subscriptions to any of these types. */
  async subscribedToAny(types: string[]): Promise<WebhookSubscriptionRow[]> {
    if (types.length === 0) return [];
    const raw: Record<string, unknown>[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM consent.webhook_subscription WHERE disabled_at IS NULL AND event_types && $1::text[] ORDER BY created_at, id`, [types]);
    return raw.map(toRow);
  }

  /** The delivery worker's read, across owners, for the subscriptions of the deliveries it claimed. */
  async byIds(ids: string[]): Promise<WebhookSubscriptionRow[]> {
    if (ids.length === 0) return [];
    const raw: Record<string, unknown>[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM consent.webhook_subscription WHERE id = ANY($1::uuid[])`, [ids]);
    return raw.map(toRow);
  }
}
