import { Field, ID, InputType, Int } from 'type-graphql';
import { InteractionKind } from '../interaction/interaction.enums';
import { SegmentField, SegmentOperator } from './segment.enums';

@InputType({ description: 'One comparison: field, operator, values (numbers as decimal strings)' })
export class SegmentConditionInput {
  @Field(() => SegmentField)
  field: SegmentField;

  @Field(() => SegmentOperator)
  operator: SegmentOperator;

  @Field(() => [String], { description: 'One value for EQ/GT/GTE/LT/LTE, two for BETWEEN (low, high), up to 100 for IN' })
  values: string[];

  @Field(() => Int, { nullable: true, description: 'Only the last N days (interaction conditions but DAYS_SINCE_LAST_INTERACTION, PURCHASED_CATEGORY)' })
  withinDays?: number | null;

  @Field(() => ID, { nullable: true, description: 'CONSENT_GRANTED only: the grant must name this partner' })
  partnerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Interaction conditions (not DAYS_SINCE_LAST_INTERACTION): only interactions of this type, e.g. SURVEY_ANSWER' })
  interactionType?: string | null;

  @Field(() => InteractionKind, { nullable: true, description: 'Interaction conditions (not DAYS_SINCE_LAST_INTERACTION): only ACTIVE or only PASSIVE interactions' })
  interactionKind?: InteractionKind | null;

  @Field(() => String, { nullable: true, description: 'INTERACTION_ATTRIBUTE and INTERACTION_ATTRIBUTE_NUMBER: the attribute compared, e.g. category or nps' })
  attributeKey?: string | null;
}

@InputType({ description: 'A node of a segment rule: set exactly one of all, any, not, condition (at most 6 levels, 50 nodes)' })
export class SegmentRuleInput {
  @Field(() => [SegmentRuleInput], { nullable: true, description: 'Every rule holds' })
  all?: SegmentRuleInput[] | null;

  @Field(() => [SegmentRuleInput], { nullable: true, description: 'At least one rule holds' })
  any?: SegmentRuleInput[] | null;

  @Field(() => SegmentRuleInput, { nullable: true, description: 'The rule does not hold (every customer not matched by it)' })
  not?: SegmentRuleInput | null;

  @Field(() => SegmentConditionInput, { nullable: true })
  condition?: SegmentConditionInput | null;
}

@InputType()
export class CreateSegmentInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => SegmentRuleInput)
  rule: SegmentRuleInput;
}

@InputType({ description: 'Writes a new version; fields left out keep their current value' })
export class UpdateSegmentInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => SegmentRuleInput, { nullable: true })
  rule?: SegmentRuleInput | null;
}
