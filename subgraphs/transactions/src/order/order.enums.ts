import { registerEnumType } from 'type-graphql';

export enum SalesChannel {
  WEB = 'WEB',
  MOBILE = 'MOBILE',
  STORE = 'STORE',
  CALL_CENTER = 'CALL_CENTER',
  PARTNER = 'PARTNER',
  MARKETPLACE = 'MARKETPLACE',
}

export enum OrderStatus {
  COMPLETED = 'COMPLETED',
  REFUNDED = 'REFUNDED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(SalesChannel, { name: 'SalesChannel', description: 'Where the order was placed' });
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'COMPLETED counts as a purchase; REFUNDED (money back, goods not restocked) and CANCELLED (goods restocked) do not',
});
