import { assertUuid } from '@c360/shared';
import { hasAtMostDecimals } from '../common/numeric';
import type { OfferResponseEntity } from './offer-response.entity';
import { OfferResponseType } from './response.enums';
import { occurredInFuture, orderOnlyForRedemption, redemptionNeedsOrder, revenueNotInCents } from './response.errors';
import type { RecordOfferResponseInput } from './response.input';

/** Clock skew tolerated between a touchpoint and us. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** A recordOfferResponse input, checked and normalised; a null occurredAt was left to default. */
export interface ResponseRequest {
  eventId: string;
  offerId: string;
  customerId: string;
  type: OfferResponseType;
  channel: string;
  occurredAt: Date | null;
  orderId: string | null;
  revenue: number | null;
  optionKey: string | null;
}

/** Checks one input before any SQL; throws BAD_USER_INPUT. */
export function toResponseRequest(input: RecordOfferResponseInput, now: Date): ResponseRequest {
  const occurredAt = input.occurredAt ?? null;
  if (occurredAt && occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw occurredInFuture();
  const redeemed = input.type === OfferResponseType.REDEEMED;
  const orderId = input.orderId == null ? null : assertUuid(input.orderId, 'orderId');
  const revenue = input.revenue ?? null;
  if (redeemed && !orderId) throw redemptionNeedsOrder();
  if (!redeemed && orderId) throw orderOnlyForRedemption('orderId');
  if (!redeemed && revenue !== null) throw orderOnlyForRedemption('revenue');
  if (revenue !== null && !hasAtMostDecimals(revenue, 2)) throw revenueNotInCents();
  return {
    eventId: input.eventId,
    offerId: assertUuid(input.offerId, 'offerId'),
    customerId: assertUuid(input.customerId, 'customerId'),
    type: input.type,
    channel: input.channel,
    occurredAt,
    orderId,
    revenue,
    optionKey: input.optionKey ?? null,
  };
}

/**
 * Whether a replayed request describes the response already recorded under its eventId.
 * A defaulted occurredAt is not compared: a retry must not conflict because "now" moved on.
 */
export function describesResponse(request: ResponseRequest, recorded: Pick<OfferResponseEntity, 'offerId' | 'customerId' | 'type' | 'channel' | 'occurredAt' | 'orderId' | 'revenue' | 'optionKey'>): boolean {
  return (
    recorded.offerId === request.offerId &&
    recorded.customerId === request.customerId &&
    recorded.type === request.type &&
    recorded.channel === request.channel &&
    recorded.orderId === request.orderId &&
    (recorded.revenue ?? null) === request.revenue &&
    (recorded.optionKey ?? null) === request.optionKey &&
    (request.occurredAt === null || request.occurredAt.getTime() === recorded.occurredAt.getTime())
  );
}
