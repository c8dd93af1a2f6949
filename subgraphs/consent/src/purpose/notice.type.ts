import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Notice', { description: 'One published version of the privacy notice shown when asking for consent to a purpose' })
export class NoticeType {
  @Field(() => ID)
  id: string;

  @Field()
  purposeCode: string;

  @Field(() => Int, { description: 'Increases by one with every publication for the purpose' })
  version: number;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field()
  publishedAt: Date;
}
