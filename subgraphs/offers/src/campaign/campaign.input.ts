import { Field, Float, InputType, Int } from 'type-graphql';
import { IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
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

  @Field(() => Float, { nullable: true, description: 'Percent of customers held out, 0 (default) to 50, at most two decimals' })
  @IsOptional()
  @Min(0)
  @Max(50)
  holdoutPercent?: number | null;

  @Field(() => Int, { nullable: true, description: 'Defaults to 0' })
  @IsOptional()
  @IsInt()
  @Min(0)
  holdoutSeed?: number | null;
}
