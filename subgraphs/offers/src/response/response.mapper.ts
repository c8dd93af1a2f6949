import type { OfferChannel } from '../offer/offer.enums';
import type { OfferResponseEntity } from './offer-response.entity';
import type { OfferResponseType } from './response.enums';
import { eventIdAsSent } from './own-event-key';
import type { OfferResponseNode } from './response.type';

/** Entity -> API type: only fields listed here reach the graph. */
export const toOfferResponseNode = (e: OfferResponseEntity): OfferResponseNode => ({
  id: e.id,
  eventId: eventIdAsSent(e.customerId, e.eventId),
  offerId: e.offerId,
  customerId: e.customerId,
  orderId: e.orderId,
  type: e.type as OfferResponseType,
  channel: e.channel as OfferChannel,
  occurredAt: e.occurredAt,
  revenue: e.revenue,
  recordedAt: e.recordedAt,
  optionKey: e.optionKey,
});
