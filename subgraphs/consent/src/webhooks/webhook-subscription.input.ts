import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, Length } from 'class-validator';

@InputType({ description: 'A webhook endpoint and the event types it receives' })
export class CreateWebhookSubscriptionInput {
  @Field({ description: 'https only; loopback and private addresses are refused in production' })
  @Length(1, 2048, { message: 'url must be 1 to 2048 characters' })
  url: string;

  @Field(() => [String], { description: 'Known event types, e.g. order.recorded, consent.withdrawn, customer.erased' })
  @ArrayMinSize(1, { message: 'eventTypes must name at least one event type' })
  @ArrayMaxSize(50, { message: 'eventTypes may name at most 50 event types' })
  eventTypes: string[];
}
