import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Where an interest comes from: what the customer told us (ACTIVE) or what they looked at (PASSIVE). */
export enum InterestSource {
  STATED = 'STATED',
  BROWSED = 'BROWSED',
}

registerEnumType(InterestSource, { name: 'InterestSource', description: 'STATED: an ACTIVE interaction (survey, preference); BROWSED: a PASSIVE one (page view, search)' });

@ObjectType('CustomerInterest', { description: 'Internal contract (offers ranking): one category a customer showed interest in' })
@Directive('@inaccessible')
export class CustomerInterestType {
  @Field()
  category: string;

  @Field(() => InterestSource)
  source: InterestSource;

  @Field(() => Int, { description: 'Interactions naming the category in the window' })
  count: number;
}

@ObjectType('CustomerInterests', { description: "Internal contract (offers ranking): a customer's stated and browsed categories" })
@Directive('@inaccessible')
export class CustomerInterestsType {
  @Field(() => ID)
  customerId: string;

  @Field(() => [CustomerInterestType])
  interests: CustomerInterestType[];
}
