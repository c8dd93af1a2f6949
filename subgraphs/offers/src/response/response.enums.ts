import { registerEnumType } from 'type-graphql';

/** How a customer reacted to an offer; SHOWN -> CLICKED -> ACCEPTED -> REDEEMED is the funnel. */
export enum OfferResponseType {
  SHOWN = 'SHOWN',
  CLICKED = 'CLICKED',
  ACCEPTED = 'ACCEPTED',
  REDEEMED = 'REDEEMED',
  DECLINED = 'DECLINED',
}

registerEnumType(OfferResponseType, {
  name: 'OfferResponseType',
  description: 'A reaction to an offer; the funnel runs SHOWN -> CLICKED -> ACCEPTED -> REDEEMED',
  valuesConfig: {
    SHOWN: { description: 'The offer reached the customer. For a customer held out of the campaign: the exposure that was suppressed (counts toward the holdout, never toward reach)' },
    CLICKED: { description: 'The customer opened or clicked the offer' },
    ACCEPTED: { description: 'The customer took the offer (e.g. clipped the coupon)' },
    REDEEMED: { description: 'The offer was used in an order (orderId required)' },
    DECLINED: { description: 'The customer explicitly said no' },
  },
});

/** The funnel stages in order; DECLINED sits outside it. */
export const FUNNEL = [OfferResponseType.SHOWN, OfferResponseType.CLICKED, OfferResponseType.ACCEPTED, OfferResponseType.REDEEMED] as const;
