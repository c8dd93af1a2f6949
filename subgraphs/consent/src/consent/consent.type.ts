import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConsentChannel, ConsentStatus } from './consent.enums';

/** Columns both views of a ledger row carry; purpose and partner are resolved through loaders. */
export interface ConsentRefs {
  purposeCode: string;
  partnerId: string | null;
}

@ObjectType('Consent', { description: 'The current decision for one purpose (and partner): the latest ledger event wins' })
export class ConsentType implements ConsentRefs {
  purposeCode: string;
  partnerId: string | null;

  @Field(() => ConsentStatus)
  status: ConsentStatus;

  @Field(() => Int, { nullable: true, description: 'The notice version the decision was made under; null for withdrawals' })
  noticeVersion: number | null;

  @Field(() => ConsentChannel)
  channel: ConsentChannel;

  @Field({ description: 'When the deciding event was recorded' })
  updatedAt: Date;

  @Field(() => ID, { description: 'The ledger event that set this state' })
  eventId: string;
}

@ObjectType('ConsentEvent', { description: 'One entry of the append-only consent ledger' })
export class ConsentEventType implements ConsentRefs {
  purposeCode: string;
  partnerId: string | null;
  customerId: string;

  @Field(() => ID)
  id: string;

  @Field(() => ConsentStatus)
  status: ConsentStatus;

  @Field(() => Int, { nullable: true })
  noticeVersion: number | null;

  @Field(() => ConsentChannel)
  channel: ConsentChannel;

  @Field({ description: 'The API client that recorded the event' })
  clientId: string;

  @Field()
  recordedAt: Date;

  @Field({ description: "SHA-256 of this event's canonical form and prevHash: its link in the customer's hash chain" })
  hash: string;

  @Field({ description: "The hash of the customer's previous event (64 zeros for the first)" })
  prevHash: string;
}
