import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, Length, Matches } from 'class-validator';
import { LegalBasis } from './purpose.enums';

/** Upper-case code callers declare as their purpose (the column's own check says the same). */
export const PURPOSE_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,63}$/;

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

@InputType({ description: 'Adds a processing purpose to the catalogue; its legal basis and categories are fixed once defined' })
export class DefinePurposeInput {
  @Field({ description: 'Upper-case code callers declare, 2-64 characters of A-Z, 0-9 and _, e.g. LOYALTY_PROGRAMME' })
  @Matches(PURPOSE_CODE_PATTERN, { message: 'code must be 2-64 characters of A-Z, 0-9 and _, starting with a letter' })
  code: string;

  @Field()
  @Length(1, 200)
  name: string;

  @Field()
  @Length(1, 2000)
  description: string;

  @Field(() => LegalBasis)
  legalBasis: LegalBasis;

  @Field({ defaultValue: false, description: 'Consent for it names one partner; only for CONSENT purposes' })
  partnerScoped: boolean;

  @Field(() => [String], { description: 'Personal-data categories processed (IDENTITY, CONTACT, LOCATION, DEMOGRAPHIC, FINANCIAL, BEHAVIOURAL); decisions deny all others' })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  dataCategories: string[];
}
