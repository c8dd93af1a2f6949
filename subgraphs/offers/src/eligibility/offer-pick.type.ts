import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OfferType } from '../offer/offer.type';
import { ProductRef } from '../product/product-ref.type';
import { CustomerRef } from './customer-ref.type';
import { OfferReasonCode } from './offer-reason.enums';
import { ContentBasis } from './personalisation';

registerEnumType(ContentBasis, {
  name: 'OfferContentBasis',
  valuesConfig: {
    AS_DESIGNED: { description: "The offer's own in-stock products, in designed order" },
    CATEGORY_AFFINITY: { description: "The offer's in-stock products in the categories the customer buys, told us they like or browsed, strongest first (TRANSPARENT)" },
    CO_PURCHASE: { description: 'In-stock products bought together with what the customer bought (COLLABORATIVE)' },
  },
});

@ObjectType('OfferReason', { description: 'Why an offer was picked' })
export class OfferReasonType {
  @Field(() => OfferReasonCode)
  code: OfferReasonCode;

  @Field({ description: 'The reason in words, for staff and for the customer' })
  text: string;

  @Field(() => Float, { description: 'What it added to the score (negative: a penalty; 0: a rule that made the offer eligible)' })
  contribution: number;
}

@ObjectType('OfferPresentation', { description: 'How the pick is presented; personalised by COSMETIC and COLLABORATIVE offers' })
export class OfferPresentationType {
  @Field()
  headline: string;

  @Field(() => String, {
    nullable: true,
    description: "A greeting to fill from the pick's customer { givenName } (fetched through the graph under the customer's own consent); null for a standard presentation",
  })
  greetingTemplate: string | null;

  @Field(() => [ProductRef], { description: 'Products the customer bought that the content was drawn from (COLLABORATIVE)' })
  becauseYouBought: ProductRef[];

  @Field()
  personalised: boolean;
}

@ObjectType('OfferContent', { description: 'What is offered: products are always in stock; personalised by TRANSPARENT and COLLABORATIVE offers' })
export class OfferContentType {
  @Field(() => [ProductRef])
  products: ProductRef[];

  @Field(() => ContentBasis)
  basis: ContentBasis;

  @Field()
  personalised: boolean;
}

@ObjectType('OfferOption', { description: 'A variant the customer chooses between (ADAPTIVE offers)' })
export class OfferOptionType {
  @Field({ description: 'Stable key to record the choice with' })
  key: string;

  @Field()
  label: string;

  @Field(() => ProductRef)
  product: ProductRef;
}

@ObjectType('OfferPick', { description: 'One of the next best offers for a customer, explained and personalised' })
export class OfferPickType {
  @Field(() => Int, { description: '1 = best' })
  rank: number;

  @Field(() => OfferType)
  offer: OfferType;

  @Field(() => Float, { description: 'The documented score (see the README, "Offer engine"); higher is better' })
  score: number;

  @Field(() => [OfferReasonType])
  reasons: OfferReasonType[];

  @Field(() => OfferPresentationType)
  presentation: OfferPresentationType;

  @Field(() => OfferContentType)
  content: OfferContentType;

  @Field(() => [OfferOptionType], { description: 'Empty unless the offer is ADAPTIVE' })
  options: OfferOptionType[];

  @Field(() => CustomerRef, { description: 'Whom the pick is for: its presentation fields (e.g. givenName) come through the graph' })
  customer: CustomerRef;
}
