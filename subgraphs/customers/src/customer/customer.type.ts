import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { PersonalData, PersonalDataCategory } from '@c360/shared';
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

  @Field(() => String, { nullable: true })
  @PersonalData(PersonalDataCategory.IDENTITY)
  displayName: string;

  @Field(() => String, { nullable: true })
  @PersonalData(PersonalDataCategory.IDENTITY)
  givenName: string | null;

  @Field(() => String, { nullable: true })
  @PersonalData(PersonalDataCategory.IDENTITY)
  familyName: string | null;

  @Field(() => String, { nullable: true })
  @PersonalData(PersonalDataCategory.CONTACT)
  email: string | null;

  @Field(() => String, { nullable: true })
  @PersonalData(PersonalDataCategory.CONTACT)
  phone: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @PersonalData(PersonalDataCategory.DEMOGRAPHIC)
  birthDate: string | null;

  @Field(() => PostalAddress, { nullable: true })
  @PersonalData(PersonalDataCategory.LOCATION)
  address: PostalAddress | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. en-GB' })
  @PersonalData(PersonalDataCategory.DEMOGRAPHIC)
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
