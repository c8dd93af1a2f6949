import { Field, ID, InputType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { InteractionChannel, InteractionKind } from './interaction.enums';

@InputType()
export class RecordInteractionInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => InteractionChannel)
  channel: InteractionChannel;

  @Field(() => InteractionKind)
  kind: InteractionKind;

  @Field({ description: 'UPPER_SNAKE_CASE, e.g. PAGE_VIEW' })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'type must be UPPER_SNAKE_CASE, e.g. PAGE_VIEW' })
  type: string;

  @Field(() => Date, { nullable: true, description: 'Defaults to now' })
  @IsOptional()
  occurredAt?: Date | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @IsOptional()
  attributes?: Record<string, unknown> | null;
}
