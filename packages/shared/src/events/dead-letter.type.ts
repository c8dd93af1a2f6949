import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('EventDeadLetter', { description: 'An outbox event whose delivery failed every attempt (privacy:admin); replay puts it back in line' })
@Directive('@shareable')
export class EventDeadLetterType {
  @Field(() => ID, { description: 'The event id consumers de-duplicate on' })
  id: string;

  @Field()
  type: string;

  @Field(() => Int)
  version: number;

  @Field()
  occurredAt: Date;

  @Field(() => ID, { nullable: true })
  customerId: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Ids and codes only: events carry no profile values' })
  payload: Record<string, unknown>;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true, description: 'The last delivery failure (receiver status or transport error)' })
  lastError: string | null;
}

/** Owner of a dead letter for the owned-types audience rule (each subgraph lists it): the customer it is about, if any. */
export const eventDeadLetterOwner = (row: Record<string, unknown>) => (row.customerId as string | null) ?? null;

/** Reviewed: ids, codes and delivery state; event payloads carry ids and codes, never profile values. */
export const EVENT_DEAD_LETTER_NON_PERSONAL_FIELDS = ['id', 'type', 'version', 'occurredAt', 'customerId', 'payload', 'attempts', 'lastError'].map((f) => `EventDeadLetter.${f}`);
