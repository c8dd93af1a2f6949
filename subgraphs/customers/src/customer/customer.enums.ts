import { registerEnumType } from 'type-graphql';

export enum AcquisitionChannel {
  WEB = 'WEB',
  MOBILE = 'MOBILE',
  STORE = 'STORE',
  CALL_CENTER = 'CALL_CENTER',
  EMAIL = 'EMAIL',
  PARTNER = 'PARTNER',
  REFERRAL = 'REFERRAL',
  SOCIAL = 'SOCIAL',
}

registerEnumType(AcquisitionChannel, { name: 'AcquisitionChannel', description: 'How the customer first came to us' });
