import { Field, Float, ID, ObjectType } from 'type-graphql';
import { PersonalData, PersonalDataCategory } from '@c360/shared';
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

  @Field(() => OfferResponseType, { nullable: true })
  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  type: OfferResponseType;

  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  @Field(() => OfferChannel, { nullable: true, description: 'Where the reaction happened (may differ from the offer channel, e.g. a STORE redemption)' })
  channel: OfferChannel;

  @Field(() => Date, { nullable: true })
  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  occurredAt: Date;

  @PersonalData(PersonalDataCategory.FINANCIAL)
  @Field(() => Float, { nullable: true, description: 'Order value attributed to a REDEEMED response, as reported by the caller' })
  revenue: number | null;

  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  @Field(() => String, { nullable: true, description: 'For an ADAPTIVE offer: the OfferOption.key the customer chose' })
  optionKey: string | null;

  // Equals the withheld occurredAt whenever the client let it default: personal like it.
  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  @Field(() => Date, { nullable: true, description: 'When the platform recorded the reaction' })
  recordedAt: Date;
}
