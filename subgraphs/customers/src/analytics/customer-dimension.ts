import { registerEnumType } from 'type-graphql';

export enum CustomerDimension {
  ACQUISITION_CHANNEL = 'ACQUISITION_CHANNEL',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  SIGNUP_MONTH = 'SIGNUP_MONTH',
}

registerEnumType(CustomerDimension, {
  name: 'CustomerDimension',
  description: 'How customers are grouped: SIGNUP_MONTH keys are YYYY-MM in UTC; a missing country or region is the key UNKNOWN',
});
