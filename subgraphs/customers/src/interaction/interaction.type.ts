import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { InteractionChannel, InteractionKind } from './interaction.enums';

@ObjectType('Interaction', { description: 'One touchpoint on the customer timeline' })
export class InteractionType {
  @Field(() => ID)
  id: string;

  @Field(() => InteractionChannel)
  channel: InteractionChannel;

  @Field(() => InteractionKind)
  kind: InteractionKind;

  @Field({ description: 'What happened, e.g. PAGE_VIEW, SEARCH, SURVEY_ANSWER, FEEDBACK' })
  type: string;

  @Field()
  occurredAt: Date;

  @Field(() => GraphQLJSONObject)
  attributes: Record<string, unknown>;
}
