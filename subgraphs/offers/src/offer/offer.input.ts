import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { BenefitType, OFFER_CONSENT_PURPOSES, OfferChannel, OfferStatus, PersonalisationType } from './offer.enums';
import { SKU_PATTERN, SKU_RULE } from '@c360/shared';
import { OfferTargetingInput } from './offer-targeting.input';

@InputType()
export class CreateOfferInput {
  @Field(() => ID)
  @IsUUID()
  campaignId: string;

  @Field()
  @Length(1, 200)
  name: string;

  @Field()
  @Length(1, 200)
  headline: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => BenefitType)
  benefitType: BenefitType;

  @Field(() => Float, { nullable: true, description: 'Required except for FREE_SHIPPING (where it must be omitted) and GIFT (optional)' })
  @IsOptional()
  benefitValue?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217, required with AMOUNT_DISCOUNT and a valued GIFT, refused otherwise' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string | null;

  @Field(() => [String], { nullable: true, description: 'Skus of the transactions catalogue, e.g. SKU-00042' })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(SKU_PATTERN, { each: true, message: `each sku ${SKU_RULE}` })
  skus?: string[] | null;

  @Field()
  validFrom: Date;

  @Field({ description: 'Must be after validFrom' })
  validUntil: Date;

  @Field(() => OfferChannel)
  channel: OfferChannel;

  @Field(() => PersonalisationType)
  personalisationType: PersonalisationType;

  @Field(() => String, { nullable: true, description: 'MARKETING or PERSONALISATION; defaults to PERSONALISATION for TRANSPARENT and COLLABORATIVE offers, MARKETING otherwise' })
  @IsOptional()
  @IsIn(OFFER_CONSENT_PURPOSES)
  consentPurpose?: string | null;

  @Field(() => Int, { nullable: true, description: 'Defaults to 0' })
  @IsOptional()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  priority?: number | null;

  @Field(() => OfferStatus, { nullable: true, description: 'DRAFT (default) or ACTIVE' })
  @IsOptional()
  status?: OfferStatus | null;

  @Field(() => OfferTargetingInput, { nullable: true, description: 'Who may get the offer and how often; none = every customer with the needed consent' })
  @IsOptional()
  @ValidateNested()
  targeting?: OfferTargetingInput | null;
}
