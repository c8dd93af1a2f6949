import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

// Internal contract between subgraphs: @inaccessible keeps it out of the public graph.

@InputType('ConsentDecisionRequest')
@Directive('@inaccessible')
export class ConsentDecisionRequestInput {
  @Field(() => ID)
  customerId: string;

  @Field({ description: 'A PersonalDataCategory name' })
  category: string;
}

@InputType('ConsentPurposeDecisionRequest', { description: 'A purpose-only question: did this customer consent to this purpose, for this data category?' })
@Directive('@inaccessible')
export class ConsentPurposeDecisionRequestInput extends ConsentDecisionRequestInput {
  @Field({ description: 'A consent Purpose code' })
  purpose: string;
}

@ObjectType('ConsentDecision')
@Directive('@inaccessible')
export class ConsentDecisionType {
  @Field(() => ID)
  customerId: string;

  @Field()
  category: string;

  @Field()
  allowed: boolean;

  @Field()
  reason: string;

  @Field(() => ID, { nullable: true })
  consentRecordId: string | null;
}

@ObjectType('ConsentPurposeDecision')
@Directive('@inaccessible')
export class ConsentPurposeDecisionType extends ConsentDecisionType {
  @Field()
  purpose: string;
}

@ObjectType('ConsentAudience')
@Directive('@inaccessible')
export class ConsentAudienceType {
  @Field()
  everyone: boolean;

  @Field(() => [ID])
  customerIds: string[];
}

@ObjectType('ConsentStandingDecision', { description: 'What the caller alone decides; perCustomer means each customer is decided against the ledger' })
@Directive('@inaccessible')
export class ConsentStandingDecisionType {
  @Field()
  perCustomer: boolean;

  @Field(() => [String])
  allowedCategories: string[];

  @Field()
  reason: string;

  @Field()
  deniedReason: string;

  @Field(() => ID, { nullable: true })
  onlyCustomerId: string | null;
}

@ObjectType('ConsentCategoryAudience', { description: 'The customers one category would be released for to the caller (what a predicate over it may match)' })
@Directive('@inaccessible')
export class ConsentCategoryAudienceType {
  @Field()
  category: string;

  @Field({ description: "false: the caller's purpose never releases this category" })
  covered: boolean;

  @Field()
  everyone: boolean;

  @Field(() => [ID])
  customerIds: string[];
}
