import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { AcquisitionChannel } from './customer.enums';

@ObjectType({ description: 'A postal address' })
export class PostalAddress {
  @Field(() => String, { nullable: true })
  line1: string | null;

  @Field(() => String, { nullable: true })
  line2: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' })
  countryCode: string | null;
}

@ObjectType({ description: "The customer's id in a source system" })
export class ExternalId {
  @Field()
  system: string;

  @Field()
  id: string;
}

@ObjectType('Customer', { description: 'A person the business has a relationship with' })
@Directive('@key(fields: "id")')
export class CustomerType {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  givenName: string | null;

  @Field(() => String, { nullable: true })
  familyName: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  birthDate: string | null;

  @Field(() => PostalAddress, { nullable: true })
  address: PostalAddress | null;

  @Field({ description: 'BCP 47 language tag, e.g. en-GB' })
  locale: string;

  @Field(() => AcquisitionChannel)
  acquisitionChannel: AcquisitionChannel;

  @Field(() => String, { nullable: true, description: 'Campaign, referrer or partner that brought the customer' })
  acquisitionSource: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
