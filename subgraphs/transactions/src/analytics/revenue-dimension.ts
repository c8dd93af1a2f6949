import { registerEnumType } from 'type-graphql';

export enum RevenueDimension {
  MONTH = 'MONTH',
  SALES_CHANNEL = 'SALES_CHANNEL',
  PRODUCT_CATEGORY = 'PRODUCT_CATEGORY',
  LIFECYCLE_STAGE = 'LIFECYCLE_STAGE',
  RFM_SEGMENT = 'RFM_SEGMENT',
}

/** Dimensions keyed by value scores: only customers who consented to PROFILING are grouped by them. */
export const SCORE_DIMENSIONS: ReadonlySet<RevenueDimension> = new Set([RevenueDimension.LIFECYCLE_STAGE, RevenueDimension.RFM_SEGMENT]);

registerEnumType(RevenueDimension, {
  name: 'RevenueDimension',
  description:
    'How completed orders are grouped: MONTH keys are YYYY-MM in UTC; PRODUCT_CATEGORY sums order lines; LIFECYCLE_STAGE and RFM_SEGMENT are the customer value stage and named RFM segment (NOT_VALUED before the first refresh, NOT_SCORED for buyers without scores); customers who did not consent to PROFILING are grouped under SCORING_WITHHELD, never by their scores',
});
