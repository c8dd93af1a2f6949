import type { OfferEntity } from './offer.entity';
import { toTargetingType } from './offer.targeting';
import type { BenefitType, OfferChannel, OfferStatus, PersonalisationType } from './offer.enums';
import type { OfferType } from './offer.type';

/** Entity -> API type: only fields listed here reach the graph. */
export const toOfferType = (e: OfferEntity): OfferType => ({
  id: e.id,
  campaignId: e.campaignId,
  name: e.name,
  headline: e.headline,
  description: e.description,
  benefitType: e.benefitType as BenefitType,
  benefitValue: e.benefitValue,
  currency: e.currency,
  validFrom: e.validFrom,
  validUntil: e.validUntil,
  channel: e.channel as OfferChannel,
  personalisationType: e.personalisationType as PersonalisationType,
  consentPurpose: e.consentPurpose,
  priority: e.priority,
  status: e.status as OfferStatus,
  targeting: toTargetingType(e),
  createdAt: e.createdAt,
});
