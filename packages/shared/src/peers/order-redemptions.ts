/** How the transactions subgraph judges an order named by an offer redemption (its internal contract). */
export enum RedemptionOrderVerdict {
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
  OTHER_CUSTOMER = 'OTHER_CUSTOMER',
  NOT_FOUND = 'NOT_FOUND',
}

export const REDEMPTION_ORDERS_QUERY = `query RedemptionOrders($orderIds: [ID!]!, $customerIds: [ID!]!) {
  redemptionOrders(orderIds: $orderIds, customerIds: $customerIds) { orderId verdict total }
}`;

export interface RedemptionOrder {
  orderId: string;
  verdict: RedemptionOrderVerdict;
  /** The order's total, only for an order of the claimed customer. */
  total: number | null;
}

/** Claims per `redemptionOrders` call; a larger batch is asked in parts of this size. */
export const MAX_REDEMPTION_CLAIMS = 500;
