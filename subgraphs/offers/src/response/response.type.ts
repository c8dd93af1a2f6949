import { Field, Float, ID, ObjectType } from 'type-graphql';
import { OfferChannel } from '../offer/offer.enums';
import { OfferResponseType } from './response.enums';

@ObjectType('OfferResponse', { description: 'One recorded reaction of a customer to an offer' })
export class OfferResponseNode {
  @Field(() => ID)
  id: string;

  @Field({ description: "The client's idempotency key it was recorded under" })
  eventId: string;

  /** Not fields: offer, customer and order resolve from these. */
  offerId: string;
  customerId: string;
  orderId: string | null;

  @Field(() => OfferResponseType)
  type: OfferResponseType;

  @Field(() => OfferChannel, { description: 'Where the reaction happened (may differ from the offer channel, e.g. a STORE redemption)' })
  channel: OfferChannel;

  @Field()
  occurredAt: Date;

  @Field(() => Float, { nullable: true, description: 'Order value attributed to a REDEEMED response, as reported by the caller' })
  revenue: number | null;

  @Field()
  recordedAt: Date;
}
