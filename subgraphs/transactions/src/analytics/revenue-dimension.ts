import { registerEnumType } from 'type-graphql';

export enum RevenueDimension {
  MONTH = 'MONTH',
  SALES_CHANNEL = 'SALES_CHANNEL',
  PRODUCT_CATEGORY = 'PRODUCT_CATEGORY',
  LIFECYCLE_STAGE = 'LIFECYCLE_STAGE',
}

registerEnumType(RevenueDimension, {
  name: 'RevenueDimension',
  description:
    'How completed orders are grouped: MONTH keys are YYYY-MM in UTC; PRODUCT_CATEGORY sums order lines; LIFECYCLE_STAGE is the customer value stage (NOT_VALUED before the first refresh)',
});
