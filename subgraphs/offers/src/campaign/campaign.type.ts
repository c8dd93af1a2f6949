import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CampaignStatus } from './campaign.enums';

@ObjectType('Campaign', { description: 'A marketing campaign: the objective and time frame a set of offers serves' })
export class CampaignType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'What the campaign is for, e.g. "Win back lapsed customers"' })
  objective: string | null;

  @Field(() => CampaignStatus)
  status: CampaignStatus;

  @Field()
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: 'Null for an open-ended campaign' })
  endsAt: Date | null;

  @Field(() => Float, { description: 'Share of customers (0-50 %) kept from the campaign\'s offers to measure uplift; see isHeldOut' })
  holdoutPercent: number;

  @Field(() => Int, { description: 'Changing it draws a different holdout for the same campaign' })
  holdoutSeed: number;

  @Field()
  createdAt: Date;
}
