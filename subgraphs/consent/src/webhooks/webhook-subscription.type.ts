import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('WebhookSubscription', { description: 'Where events are POSTed, signed per Standard Webhooks. Partners see only their own; the secret is shown once, at creation or rotation' })
export class WebhookSubscriptionType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'The partner it delivers to; null for an internal (staff-managed) endpoint' })
  partnerId: string | null;

  @Field()
  url: string;

  @Field(() => [String], { description: 'Event types delivered (README "Events out")' })
  eventTypes: string[];

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Until then the secret before the last rotation still signs too (rotation with overlap)' })
  previousSecretValidUntil: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set once disabled: nothing more is delivered' })
  disabledAt: Date | null;
}

@ObjectType('WebhookSubscriptionWithSecret', { description: 'A subscription with its new signing secret: the only time the secret is shown' })
export class WebhookSubscriptionWithSecretType {
  @Field(() => WebhookSubscriptionType)
  subscription: WebhookSubscriptionType;

  @Field({ description: 'whsec_ + base64: verify webhook-signature with it (Standard Webhooks)' })
  secret: string;
}

@ObjectType('WebhookDeliveryDeadLetter', { description: 'A webhook delivery that failed every attempt (privacy:admin); replay puts it back in line' })
export class WebhookDeliveryDeadLetterType {
  @Field(() => ID, { description: 'The delivery, for replay' })
  id: string;

  @Field(() => ID)
  subscriptionId: string;

  @Field(() => ID, { description: 'The event id, sent as webhook-id on every attempt' })
  eventId: string;

  @Field()
  type: string;

  @Field(() => ID, { nullable: true })
  customerId: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Ids and codes only: events carry no profile values' })
  payload: Record<string, unknown>;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true })
  lastError: string | null;
}
