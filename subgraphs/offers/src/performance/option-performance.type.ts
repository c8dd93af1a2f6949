import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('CampaignOptionPerformance', {
  description: "One option of an ADAPTIVE offer (OfferOption.key): distinct treated customers whose responses named it, per response type, released like every campaign figure",
})
export class CampaignOptionPerformance {
  @Field(() => ID)
  offerId: string;

  @Field({ description: 'The OfferOption.key responses recorded the choice with' })
  optionKey: string;

  @Field(() => Int, { description: 'Distinct treated customers with any response naming this option' })
  customers: number;

  @Field(() => Int)
  clicked: number;

  @Field(() => Int)
  accepted: number;

  @Field(() => Int)
  redeemed: number;

  @Field(() => Int)
  declined: number;
}
