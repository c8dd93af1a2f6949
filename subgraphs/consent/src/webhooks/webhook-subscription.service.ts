import { randomBytes, randomUUID } from 'node:crypto';
import { CallerKind, DomainError, ErrorCode, EVENT_TYPES, endpointProblem, hasScope, type Caller } from '@c360/shared';
import { PRIVACY_ADMIN_SCOPE } from '../disclosure/disclosure.service';

/** How long a rotated-out secret still signs beside the new one, so receivers can switch without losing deliveries. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export interface WebhookSubscriptionRow {
  id: string;
  /** null: an internal (staff-managed) subscription. */
  partnerId: string | null;
  url: string;
  eventTypes: string[];
  secret: string;
  previousSecret: string | null;
  previousUntil: Date | null;
  createdAt: Date;
  /** Set once disabled: kept for the record, receives nothing more. */
  disabledAt: Date | null;
}

/** Storage of subscriptions; `find` answers only within the owner (partner id, or null for internal ones). */
export interface WebhookSubscriptionStore {
  insert(row: WebhookSubscriptionRow): Promise<void>;
  list(owner: string | null): Promise<WebhookSubscriptionRow[]>;
  find(owner: string | null, id: string): Promise<WebhookSubscriptionRow | null>;
  rotate(id: string, secret: string, previousSecret: string, previousUntil: Date): Promise<void>;
  disable(id: string, at: Date): Promise<void>;
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const notFound = () => new DomainError(ErrorCode.NOT_FOUND, 'No such webhook subscription');

/**
 * Webhook subscriptions: staff with privacy:admin manage internal ones, a partner token only its own
 * partner's. Another owner's subscription is NOT_FOUND, exactly like an unknown id. The signing secret
 * is answered once, at creation or rotation. Errors never echo the URL.
 */
export class WebhookSubscriptionService {
  constructor(
    private readonly store: WebhookSubscriptionStore,
    /** Parsed once at boot: loopback and private endpoints only in development and tests. */
    private readonly policy: { allowPrivate: boolean },
  ) {}

  ownerOf(caller: Caller): string | null {
    if (caller.kind === CallerKind.PARTNER && caller.partnerId) return caller.partnerId;
    if (caller.kind === CallerKind.INTERNAL_APP && hasScope(caller, PRIVACY_ADMIN_SCOPE)) return null;
    throw new DomainError(ErrorCode.FORBIDDEN, `Managing webhook subscriptions requires a partner token or the ${PRIVACY_ADMIN_SCOPE} scope`, { scope: PRIVACY_ADMIN_SCOPE });
  }

  async create(caller: Caller, input: { url: string; eventTypes: string[] }, now = new Date()): Promise<{ subscription: WebhookSubscriptionRow; secret: string }> {
    const owner = this.ownerOf(caller);
    const problem = endpointProblem(input.url, this.policy);
    if (problem) throw new DomainError(ErrorCode.BAD_USER_INPUT, `The webhook URL is refused: ${problem}`, { field: 'url', reason: 'ENDPOINT_REFUSED' });
    const types = [...new Set(input.eventTypes)];
    if (types.length === 0 || types.some((t) => !(EVENT_TYPES as string[]).includes(t))) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'eventTypes must name known event types', { field: 'eventTypes' });
    const row: WebhookSubscriptionRow = { id: randomUUID(), partnerId: owner, url: input.url, eventTypes: types.sort(), secret: newSecret(), previousSecret: null, previousUntil: null, createdAt: now, disabledAt: null };
    await this.store.insert(row);
    return { subscription: row, secret: row.secret };
  }

  async list(caller: Caller): Promise<WebhookSubscriptionRow[]> {
    return this.store.list(this.ownerOf(caller));
  }

  async rotate(caller: Caller, id: string, now = new Date()): Promise<{ subscription: WebhookSubscriptionRow; secret: string }> {
    const row = await this.store.find(this.ownerOf(caller), id);
    if (!row) throw notFound();
    if (row.disabledAt) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'A disabled webhook subscription has no secret to rotate', { reason: 'SUBSCRIPTION_DISABLED' });
    const secret = newSecret();
    const previousUntil = new Date(now.getTime() + ROTATION_OVERLAP_MS);
    await this.store.rotate(id, secret, row.secret, previousUntil);
    return { subscription: { ...row, secret, previousSecret: row.secret, previousUntil }, secret };
  }

  /** Stops deliveries (those still waiting are dropped); idempotent. The row stays for the record. */
  async disable(caller: Caller, id: string, now = new Date()): Promise<WebhookSubscriptionRow> {
    const row = await this.store.find(this.ownerOf(caller), id);
    if (!row) throw notFound();
    if (row.disabledAt) return row;
    await this.store.disable(id, now);
    return { ...row, disabledAt: now };
  }
}
