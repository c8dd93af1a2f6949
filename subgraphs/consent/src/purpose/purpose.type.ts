import { Field, Int, ObjectType } from 'type-graphql';
import { LegalBasis } from './purpose.enums';

@ObjectType('Purpose', { description: 'Why personal data is processed, and on which legal basis' })
export class PurposeType {
  @Field({ description: 'Stable code callers declare, e.g. MARKETING' })
  code: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => LegalBasis)
  legalBasis: LegalBasis;

  @Field({ description: 'True only for CONSENT purposes: processing needs a GRANTED consent' })
  requiresConsent: boolean;

  @Field({ description: 'Consent for this purpose names one partner (e.g. PARTNER_SHARING)' })
  partnerScoped: boolean;

  @Field(() => Int, { nullable: true, description: 'Grants under an older notice version no longer satisfy this purpose; null when any version does' })
  requiredNoticeVersion: number | null;

  @Field(() => [String], { description: 'Personal data categories processed for this purpose (IDENTITY, CONTACT, LOCATION, DEMOGRAPHIC, FINANCIAL, BEHAVIOURAL)' })
  dataCategories: string[];
}
