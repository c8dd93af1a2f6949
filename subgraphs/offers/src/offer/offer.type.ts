import { Field, Float, ID, Int, ObjectType, Directive } from 'type-graphql';
import { BenefitType, OfferChannel, OfferStatus, PersonalisationType } from './offer.enums';
import { OfferTargetingType } from './offer-targeting.type';

@ObjectType('Offer', { description: 'An offer designed as what (benefit, products), when (validity) and how (channel, personalisation)' })
@Directive('@key(fields: "id")')
export class OfferType {
  @Field(() => ID)
  id: string;

  /** Not a field: lets Offer.campaign batch through the campaign loader. */
  campaignId: string;

  @Field({ description: 'Internal name' })
  name: string;

  @Field({ description: 'What the customer sees first' })
  headline: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => BenefitType)
  benefitType: BenefitType;

  @Field(() => Float, { nullable: true, description: 'Percent, amount or points depending on benefitType; null for FREE_SHIPPING' })
  benefitValue: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code for money benefits' })
  currency: string | null;

  @Field({ description: 'Offered from this instant (inclusive)' })
  validFrom: Date;

  @Field({ description: 'Offered until this instant (exclusive)' })
  validUntil: Date;

  @Field(() => OfferChannel)
  channel: OfferChannel;

  @Field(() => PersonalisationType)
  personalisationType: PersonalisationType;

  @Field({ description: 'The consent purpose code targeting needs: MARKETING or PERSONALISATION' })
  consentPurpose: string;

  @Field(() => Int, { description: 'Higher comes first when several offers are eligible' })
  priority: number;

  @Field(() => OfferStatus)
  status: OfferStatus;

  @Field(() => OfferTargetingType, { description: 'Who may get the offer and how often (the eligibility engine applies it)' })
  targeting: OfferTargetingType;

  @Field()
  createdAt: Date;
}
