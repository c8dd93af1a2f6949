import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('SegmentVersion', { description: 'One definition of a segment; older versions stay readable' })
export class SegmentVersionType {
  @Field(() => Int)
  version: number;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The rule tree in the shape of SegmentRuleInput, normalised' })
  rule: Record<string, unknown>;

  @Field({ description: 'The purpose this version was written for (the writer\'s declared purpose)' })
  purpose: string;

  @Field({ description: 'The client that wrote this version' })
  createdBy: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When this version was last evaluated (null once superseded before any evaluation)' })
  evaluatedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Members at that evaluation' })
  memberCount: number | null;
}

@ObjectType('Segment', { description: 'A named, rule-based group of customers; membership is evaluated where each condition’s data lives' })
export class SegmentType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Int, { description: 'The current version' })
  version: number;

  @Field(() => GraphQLJSONObject, { description: 'The current rule, in the shape of SegmentRuleInput' })
  rule: Record<string, unknown>;

  @Field({
    description:
      "The purpose the members are evaluated for: the creator's declared purpose. A condition only matches customers whose consent releases its data category to this purpose",
  })
  purpose: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the members were evaluated; reads re-evaluate once this is older than SEGMENT_MAX_AGE_SECONDS' })
  evaluatedAt: Date | null;
}

@ObjectType('CustomerSegmentMembership', { description: "Internal contract (offers targeting): a customer's current segments" })
@Directive('@inaccessible')
export class CustomerSegmentMembershipType {
  @Field(() => ID)
  customerId: string;

  @Field(() => [ID])
  segmentIds: string[];
}
