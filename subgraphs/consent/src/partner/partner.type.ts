import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Partner', { description: 'A third party customers may consent to share their data with' })
@Directive('@key(fields: "id")')
export class PartnerType {
  @Field(() => ID, { description: 'A readable slug, e.g. partner-nordic-travel' })
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field({ description: 'Inactive partners keep their history but accept no new grants' })
  active: boolean;
}
