import { assertUuid } from '@c360/shared';
import { hasAtMostCents, toCents } from '../money';
import { occurredInFuture, priceNotInCents } from './order.errors';
import type { RecordOrderInput } from './order.input';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderEntity } from './order.entity';

/** Clock skew tolerated between a source system and us. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** A recordOrder input, checked and normalised; null fields were not given by the caller. */
export interface OrderRequest {
  customerId: string;
  sourceSystem: string;
  externalId: string;
  channel: string;
  currency: string;
  occurredAt: Date | null;
  lines: { sku: string; quantity: number; unitPriceCents: number | null }[];
}

export function toOrderRequest(input: RecordOrderInput, now: Date): OrderRequest {
  const occurredAt = input.occurredAt ?? null;
  if (occurredAt && occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw occurredInFuture();
  return {
    customerId: assertUuid(input.customerId, 'customerId'),
    sourceSystem: input.sourceSystem,
    externalId: input.externalId,
    channel: input.channel,
    currency: input.currency,
    occurredAt,
    lines: input.lines.map((line) => {
      const price = line.unitPrice ?? null;
      if (price !== null && !hasAtMostCents(price)) throw priceNotInCents();
      return { sku: line.sku, quantity: line.quantity, unitPriceCents: price === null ? null : toCents(price) };
    }),
  };
}

/**
 * Whether a replayed request describes the order already recorded under its key. Fields
 * the caller left to defaults (occurredAt, unitPrice) are not compared: a replay must not
 * conflict just because "now" or the catalogue price moved on.
 */
export function describesOrder(request: OrderRequest, order: OrderEntity, lines: OrderLineEntity[]): boolean {
  if (order.customerId !== request.customerId || order.channel !== request.channel || order.currency !== request.currency) return false;
  if (request.occurredAt && request.occurredAt.getTime() !== order.occurredAt.getTime()) return false;
  if (lines.length !== request.lines.length) return false;
  return request.lines.every((wanted, i) => {
    const line = lines[i];
    return line.sku === wanted.sku && line.quantity === wanted.quantity && (wanted.unitPriceCents === null || toCents(line.unitPrice) === wanted.unitPriceCents);
  });
}
