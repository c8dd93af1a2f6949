import { registerEnumType } from 'type-graphql';

/** Why processing for a purpose is lawful; only CONSENT purposes need the customer's consent. */
export enum LegalBasis {
  CONTRACT = 'CONTRACT',
  LEGITIMATE_INTEREST = 'LEGITIMATE_INTEREST',
  CONSENT = 'CONSENT',
}

registerEnumType(LegalBasis, {
  name: 'LegalBasis',
  description: 'CONTRACT and LEGITIMATE_INTEREST need no consent; CONSENT purposes are allowed only with a GRANTED consent',
});
