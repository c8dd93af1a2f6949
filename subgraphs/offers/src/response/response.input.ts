import { Field, Float, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { OfferChannel } from '../offer/offer.enums';
import { OfferResponseType } from './response.enums';

@InputType({ description: 'A reaction to an offer; replaying the same eventId with the same content is safe' })
export class RecordOfferResponseInput {
  @Field({ description: "The client's idempotency key, unique across all responses" })
  @Length(1, 128)
  @Matches(/^[\x21-\x7e]+$/, { message: 'eventId must be printable ASCII without spaces' })
  eventId: string;

  @Field(() => ID)
  offerId: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => OfferResponseType)
  type: OfferResponseType;

  @Field(() => OfferChannel)
  channel: OfferChannel;

  @Field(() => Date, { nullable: true, description: 'Defaults to now; must not be in the future' })
  @IsOptional()
  occurredAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'The Order (transactions subgraph) the offer was redeemed in: required for REDEEMED, refused otherwise' })
  @IsOptional()
  orderId?: string | null;

  @Field(() => Float, { nullable: true, description: 'Order value attributed to the redemption: >= 0, at most two decimals; only with REDEEMED' })
  @IsOptional()
  @Min(0)
  @Max(9_999_999_999.99)
  revenue?: number | null;

  @Field(() => String, { nullable: true, description: 'For an ADAPTIVE offer: the OfferOption.key the customer chose; must be one of the offer\'s options, refused for other offers' })
  @IsOptional()
  @Length(1, 200)
  optionKey?: string | null;
}
