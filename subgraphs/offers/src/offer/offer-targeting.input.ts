import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { LifecycleStage } from './lifecycle-stage.enum';

@InputType('FrequencyCapInput')
export class FrequencyCapInput {
  @Field(() => Int)
  @Min(1)
  @Max(1000)
  maxExposures: number;

  @Field(() => Int)
  @Min(1)
  @Max(3650)
  withinDays: number;
}

@InputType('OfferTargetingInput', { description: 'Replaces every targeting rule of the offer; omitted rules are no rules' })
export class OfferTargetingInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 128, { each: true })
  segmentIds?: string[] | null;

  @Field(() => [LifecycleStage], { nullable: true })
  @IsOptional()
  lifecycleStages?: LifecycleStage[] | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(9_999_999_999.99)
  minMonetary?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(9_999_999_999.99)
  minPredictedValue?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(1)
  maxChurnRisk?: number | null;

  @Field(() => FrequencyCapInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  frequencyCap?: FrequencyCapInput | null;
}
