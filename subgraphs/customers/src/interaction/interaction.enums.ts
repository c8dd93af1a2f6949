import { registerEnumType } from 'type-graphql';

export enum InteractionChannel {
  WEB = 'WEB',
  EMAIL = 'EMAIL',
  MOBILE = 'MOBILE',
  STORE = 'STORE',
  CALL_CENTER = 'CALL_CENTER',
  PARTNER = 'PARTNER',
}

/** e-CRM distinguishes observed behaviour from what the customer actively told us. */
export enum InteractionKind {
  PASSIVE = 'PASSIVE',
  ACTIVE = 'ACTIVE',
}

registerEnumType(InteractionChannel, { name: 'InteractionChannel' });
registerEnumType(InteractionKind, {
  name: 'InteractionKind',
  description: 'PASSIVE: observed (page views, searches); ACTIVE: given by the customer (survey answers, feedback)',
});
