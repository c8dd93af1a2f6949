import { Field, InputType } from 'type-graphql';
import { IsOptional, Length, MaxLength } from 'class-validator';
import { CampaignStatus } from './campaign.enums';

@InputType()
export class CreateCampaignInput {
  @Field()
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  objective?: string | null;

  @Field(() => CampaignStatus, { nullable: true, description: 'DRAFT (default) or ACTIVE' })
  @IsOptional()
  status?: CampaignStatus | null;

  @Field()
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: 'Must be after startsAt; omit for an open-ended campaign' })
  @IsOptional()
  endsAt?: Date | null;
}
