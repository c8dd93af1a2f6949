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

@ObjectType('ConsentAudience')
@Directive('@inaccessible')
export class ConsentAudienceType {
  @Field()
  everyone: boolean;

  @Field(() => [ID])
  customerIds: string[];
}
