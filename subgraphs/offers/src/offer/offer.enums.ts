import { registerEnumType } from 'type-graphql';
import type { Transitions } from '../common/status-transitions';

/** WHAT the customer gets. */
export enum BenefitType {
  PERCENT_DISCOUNT = 'PERCENT_DISCOUNT',
  AMOUNT_DISCOUNT = 'AMOUNT_DISCOUNT',
  FREE_SHIPPING = 'FREE_SHIPPING',
  GIFT = 'GIFT',
  LOYALTY_POINTS = 'LOYALTY_POINTS',
}

/** HOW the offer reaches the customer. */
export enum OfferChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  WEB = 'WEB',
  MOBILE_PUSH = 'MOBILE_PUSH',
  STORE = 'STORE',
  CALL_CENTER = 'CALL_CENTER',
  PARTNER = 'PARTNER',
}

/** The four approaches to customisation (Gilmore & Pine) used in e-CRM offer design. */
export enum PersonalisationType {
  COSMETIC = 'COSMETIC',
  ADAPTIVE = 'ADAPTIVE',
  TRANSPARENT = 'TRANSPARENT',
  COLLABORATIVE = 'COLLABORATIVE',
}

export enum OfferStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  EXPIRED = 'EXPIRED',
}

/** The consent purposes (codes of the consent subgraph's catalogue) an offer's targeting may rely on. */
export const OFFER_CONSENT_PURPOSES = ['MARKETING', 'PERSONALISATION'] as const;
export type OfferConsentPurpose = (typeof OFFER_CONSENT_PURPOSES)[number];

/** Tailoring from a customer's data needs PERSONALISATION consent; a standard offer needs MARKETING. */
export function defaultConsentPurpose(type: PersonalisationType): OfferConsentPurpose {
  return type === PersonalisationType.TRANSPARENT || type === PersonalisationType.COLLABORATIVE ? 'PERSONALISATION' : 'MARKETING';
}

registerEnumType(BenefitType, {
  name: 'BenefitType',
  description: 'What the customer gets (the benefitValue unit depends on it)',
  valuesConfig: {
    PERCENT_DISCOUNT: { description: 'benefitValue percent off (0 < value <= 100)' },
    AMOUNT_DISCOUNT: { description: 'benefitValue off in currency (value > 0)' },
    FREE_SHIPPING: { description: 'Shipping at no cost; no benefitValue' },
    GIFT: { description: 'A gift, usually one of the products; optional benefitValue is its worth in currency' },
    LOYALTY_POINTS: { description: 'benefitValue loyalty points (a whole number > 0)' },
  },
});
registerEnumType(OfferChannel, { name: 'OfferChannel', description: 'How the offer is delivered to the customer' });
registerEnumType(PersonalisationType, {
  name: 'PersonalisationType',
  description: 'How the offer is tailored to the customer',
  valuesConfig: {
    COSMETIC: { description: 'A standard offer whose presentation is personalised (name, imagery, wording)' },
    ADAPTIVE: { description: 'A standard offer the customer adapts to their own needs (choose the product, the moment, the option)' },
    TRANSPARENT: { description: 'Tailored from observed behaviour without the customer being asked; needs PERSONALISATION consent' },
    COLLABORATIVE: { description: 'Designed in dialogue with the customer from needs they stated' },
  },
});
registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  valuesConfig: {
    DRAFT: { description: 'Being designed; never offered' },
    ACTIVE: { description: 'Offered while inside its validity window and its campaign is ACTIVE' },
    PAUSED: { description: 'Temporarily withdrawn; can be resumed' },
    EXPIRED: { description: 'Finished for good (final)' },
  },
});

export const OFFER_TRANSITIONS: Transitions<OfferStatus> = {
  [OfferStatus.DRAFT]: [OfferStatus.ACTIVE, OfferStatus.EXPIRED],
  [OfferStatus.ACTIVE]: [OfferStatus.PAUSED, OfferStatus.EXPIRED],
  [OfferStatus.PAUSED]: [OfferStatus.ACTIVE, OfferStatus.EXPIRED],
  [OfferStatus.EXPIRED]: [],
};

export const INITIAL_OFFER_STATUSES = [OfferStatus.DRAFT, OfferStatus.ACTIVE] as const;
