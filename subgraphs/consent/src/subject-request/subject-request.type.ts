import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PersonalData, PersonalDataCategory } from '@c360/shared';
import { DataSubjectRequestKind, DataSubjectRequestStatus } from './subject-request.enums';

@ObjectType('DataSubjectRequestPart', { description: "One subgraph's share of a data-subject request" })
export class DataSubjectRequestPartType {
  @Field()
  subgraph: string;

  @Field(() => DataSubjectRequestStatus)
  status: DataSubjectRequestStatus;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' })
  reason: string | null;

  @Field(() => Int)
  attempts: number;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the next automatic retry runs; null when none is scheduled' })
  nextAttemptAt: Date | null;
}

@ObjectType('DataSubjectRequest', { description: 'An access or erasure request of one customer, run across every subgraph' })
export class DataSubjectRequestType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => DataSubjectRequestKind)
  kind: DataSubjectRequestKind;

  @Field(() => DataSubjectRequestStatus)
  status: DataSubjectRequestStatus;

  @Field()
  requestedAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => [DataSubjectRequestPartType])
  parts: DataSubjectRequestPartType[];

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Personal data. ACCESS requests once DONE: one machine-readable document of everything held on the customer (the customer themself or privacy:admin). Erasure removes it, and it is null when an erasure of the customer overlapped the request: ask again for what remains',
  })
  @PersonalData(PersonalDataCategory.IDENTITY)
  accessDocument: Record<string, unknown> | null;
}
