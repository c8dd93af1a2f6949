import { Field, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';

/** A readable, stable slug: it is what partner tokens carry as `partner_id`. */
export const PARTNER_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,62}[a-z0-9])$/;

@InputType({ description: 'Registers a partner customers may then consent to share data with' })
export class RegisterPartnerInput {
  @Field({ description: 'Lower-case slug, 3-64 characters of a-z, 0-9 and inner hyphens, e.g. partner-nordic-travel; partner tokens carry it as partner_id' })
  @Matches(PARTNER_ID_PATTERN, { message: 'id must be a lower-case slug of 3-64 characters (a-z, 0-9, inner hyphens)' })
  id: string;

  @Field()
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;
}
