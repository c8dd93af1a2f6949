import { Field, Int, ObjectType } from 'type-graphql';
import { OfferChannel } from '../offer/offer.enums';

@ObjectType('ContactPolicy', { description: 'At most maxShown offers SHOWN to one customer through this channel within withinDays days, across every campaign; nextBestOffers and eligibleOffers respect it' })
export class ContactPolicyType {
  @Field(() => OfferChannel)
  channel: OfferChannel;

  @Field(() => Int)
  maxShown: number;

  @Field(() => Int)
  withinDays: number;

  @Field(() => Date)
  updatedAt: Date;
}
