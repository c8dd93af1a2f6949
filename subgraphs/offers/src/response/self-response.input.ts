import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { OfferChannel } from '../offer/offer.enums';
import { OfferResponseType } from './response.enums';

@InputType({ description: "The customer's own reaction to an offer eligible for them (self-service); replaying the same eventId with the same content is safe" })
export class RecordMyOfferResponseInput {
  @Field({ description: "The client's idempotency key, unique across all responses" })
  @Length(1, 128)
  @Matches(/^[\x21-\x7e]+$/, { message: 'eventId must be printable ASCII without spaces' })
  eventId: string;

  @Field(() => ID)
  offerId: string;

  @Field(() => ID, { description: "The token's own customer id: a customer records reactions only for itself" })
  customerId: string;

  @Field(() => OfferResponseType, { description: 'SHOWN, CLICKED, ACCEPTED or DECLINED; REDEEMED is recorded from the order it was redeemed in, never by the customer' })
  type: OfferResponseType;

  @Field(() => OfferChannel)
  channel: OfferChannel;

  @Field(() => String, { nullable: true, description: 'For an ADAPTIVE offer: the OfferOption.key the customer chose' })
  @IsOptional()
  @Length(1, 200)
  optionKey?: string | null;
}
