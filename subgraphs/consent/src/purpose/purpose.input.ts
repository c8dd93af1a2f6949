import { Field, InputType } from 'type-graphql';
import { Length } from 'class-validator';

@InputType({ description: 'Publishes the next version of the privacy notice for a purpose' })
export class PublishNoticeInput {
  @Field()
  @Length(1, 64)
  purposeCode: string;

  @Field()
  @Length(1, 200)
  title: string;

  @Field()
  @Length(1, 4000)
  summary: string;
}
