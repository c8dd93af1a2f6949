import { hasAtMostDecimals } from '../common/numeric';
import { BenefitType } from './offer.enums';
import { badBenefit } from './offer.errors';

export interface Benefit {
  benefitType: BenefitType;
  benefitValue: number | null;
  currency: string | null;
}

const MAX_AMOUNT = 9_999_999_999.99; // numeric(12,2)

/** The value each benefit type needs (WHAT the customer gets); returns the normalised benefit. */
export function checkBenefit(type: BenefitType, value: number | null | undefined, currency: string | null | undefined): Benefit {
  const v = value ?? null;
  const c = currency ?? null;
  const money = (required: boolean): Benefit => {
    if (v === null) {
      if (required) throw badBenefit(`${type} needs a benefitValue`);
      if (c !== null) throw badBenefit(`${type} without a benefitValue takes no currency`, 'currency');
      return { benefitType: type, benefitValue: null, currency: null };
    }
    if (!(v > 0) || v > MAX_AMOUNT || !hasAtMostDecimals(v, 2)) throw badBenefit(`${type} needs a benefitValue > 0 with at most 2 decimals`);
    if (c === null) throw badBenefit(`${type} with a benefitValue needs a currency`, 'currency');
    return { benefitType: type, benefitValue: v, currency: c };
  };
  const noCurrency = () => {
    if (c !== null) throw badBenefit(`${type} takes no currency`, 'currency');
  };
  switch (type) {
    case BenefitType.PERCENT_DISCOUNT:
      noCurrency();
      if (v === null || !(v > 0 && v <= 100) || !hasAtMostDecimals(v, 2)) throw badBenefit('PERCENT_DISCOUNT needs a benefitValue with 0 < value <= 100');
      return { benefitType: type, benefitValue: v, currency: null };
    case BenefitType.AMOUNT_DISCOUNT:
      return money(true);
    case BenefitType.GIFT:
      return money(false);
    case BenefitType.FREE_SHIPPING:
      noCurrency();
      if (v !== null) throw badBenefit('FREE_SHIPPING takes no benefitValue');
      return { benefitType: type, benefitValue: null, currency: null };
    case BenefitType.LOYALTY_POINTS:
      noCurrency();
      if (v === null || !Number.isInteger(v) || v <= 0 || v > MAX_AMOUNT) throw badBenefit('LOYALTY_POINTS needs a whole number of points > 0');
      return { benefitType: type, benefitValue: v, currency: null };
  }
}
