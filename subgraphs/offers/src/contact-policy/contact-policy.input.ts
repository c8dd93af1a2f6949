import { Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { OfferChannel } from '../offer/offer.enums';

@InputType('SetContactPolicyInput')
export class SetContactPolicyInput {
  @Field(() => OfferChannel)
  channel: OfferChannel;

  @Field(() => Int, { description: 'Offers SHOWN through the channel per customer in the window (0 silences the channel)' })
  @Min(0)
  @Max(1000)
  maxShown: number;

  @Field(() => Int, { description: 'Window in days (1-365), counted back from the request' })
  @Min(1)
  @Max(365)
  withinDays: number;
}
