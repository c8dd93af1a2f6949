import { registerEnumType } from 'type-graphql';

export enum CustomerDimension {
  ACQUISITION_CHANNEL = 'ACQUISITION_CHANNEL',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  SIGNUP_MONTH = 'SIGNUP_MONTH',
  SEGMENT = 'SEGMENT',
}

registerEnumType(CustomerDimension, {
  name: 'CustomerDimension',
  description:
    'How customers are grouped: SIGNUP_MONTH keys are YYYY-MM in UTC; a missing country or region is the key UNKNOWN; SEGMENT keys are segment names (current version as last evaluated; a customer in several segments counts in each, one in none under NO_SEGMENT), and customers who did not consent to PROFILING are counted under PROFILING_WITHHELD, never by segment',
});
