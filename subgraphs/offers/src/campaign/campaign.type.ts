import { Field, ID, ObjectType } from 'type-graphql';
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

  @Field()
  createdAt: Date;
}
