import { Field, InputType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArrayMaxSize, IsEmail, IsISO31661Alpha2, IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { AcquisitionChannel } from './customer.enums';

/** What a phone number may look like on the way in; it is stored in E.164 (see phone-number.ts). */
const PHONE = /^\+?[0-9][0-9 ()./-]{3,39}$/;
const BCP47 = /^[a-z]{2,3}(-[A-Z]{2})?$/;

@InputType()
export class ExternalIdInput {
  @Field()
  @Length(1, 64)
  system: string;

  @Field()
  @Length(1, 128)
  id: string;
}

@InputType()
export class PostalAddressInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  line1?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  line2?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsISO31661Alpha2()
  countryCode?: string | null;
}

@InputType({ description: 'Fields shared by create and update; every field optional on update' })
export class CustomerProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  familyName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'E.164 (+442071234567) or national for PHONE_DEFAULT_REGION (020 7123 4567); stored in E.164' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number, e.g. +442071234567' })
  phone?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @IsOptional()
  birthDate?: string | null;

  @Field(() => PostalAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  address?: PostalAddressInput | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. en-GB' })
  @IsOptional()
  @Matches(BCP47, { message: 'locale must be a language tag such as en or en-GB' })
  locale?: string | null;
}

@InputType()
export class CreateCustomerInput extends CustomerProfileInput {
  @Field(() => AcquisitionChannel)
  acquisitionChannel: AcquisitionChannel;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  acquisitionSource?: string | null;

  @Field(() => [ExternalIdInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  externalIds?: ExternalIdInput[] | null;
}

@InputType()
export class UpdateCustomerInput extends CustomerProfileInput {
  @Field(() => [ExternalIdInput], { nullable: true, description: 'External ids to add (existing ones are kept)' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  addExternalIds?: ExternalIdInput[] | null;
}

@InputType({ description: 'All given conditions must hold' })
export class CustomerFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive prefix of display name, family name or email' })
  @IsOptional()
  @Length(1, 100)
  search?: string | null;

  @Field(() => AcquisitionChannel, { nullable: true })
  @IsOptional()
  acquisitionChannel?: AcquisitionChannel | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsISO31661Alpha2()
  countryCode?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  createdAfter?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  createdBefore?: Date | null;
}
