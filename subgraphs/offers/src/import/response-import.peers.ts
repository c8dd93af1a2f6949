import {
  CUSTOMER_EXISTENCE_QUERY,
  CustomerExistenceStatus,
  DomainError,
  ErrorCode,
  FEED_INTEGRITY_CALLER,
  MAX_EXISTENCE_IDS,
  MAX_REDEMPTION_CLAIMS,
  PeerUnavailableError,
  REDEMPTION_ORDERS_QUERY,
  type PeerClient,
  type RedemptionOrder,
  type SubgraphName,
} from '@c360/shared';

export interface CustomerStatus {
  customerId: string;
  status: CustomerExistenceStatus;
  survivorId?: string | null;
  mergeId?: string | null;
}

export interface RedemptionClaim {
  orderId: string;
  customerId: string;
}

/** What a batch of responses is checked against outside this subgraph: asked once per batch, never per row. */
export interface ResponseImportPeers {
  /** EXISTS, ERASED, UNKNOWN or MERGED (with the survivor and the merge) per id, in order (the customers subgraph's `customerExistence`). */
  customerStatuses(customerIds: string[]): Promise<CustomerStatus[]>;
  /** A verdict per claim, in order (the transactions subgraph's `redemptionOrders`). */
  redemptionOrders(claims: RedemptionClaim[]): Promise<RedemptionOrder[]>;
}

const unavailable = (subgraph: SubgraphName) =>
  new DomainError(ErrorCode.SUBGRAPH_UNAVAILABLE, `The ${subgraph} subgraph could not check the batch; it was not written and the job can be resumed`, { subgraph });

/** Asks the feed-integrity contracts every feed uses, in parts of their limits (one part for any usual batch). */
export function peerResponseImportChecks(peers: PeerClient): ResponseImportPeers {
  async function ask<T>(subgraph: SubgraphName, query: string, variables: Record<string, unknown>): Promise<T> {
    try {
      return await peers.query<T>(subgraph, FEED_INTEGRITY_CALLER, query, variables, { timeoutMs: 30_000 });
    } catch (error) {
      if (error instanceof PeerUnavailableError) throw unavailable(subgraph);
      throw error;
    }
  }
  return {
    async customerStatuses(customerIds) {
      const statuses: CustomerStatus[] = [];
      for (let i = 0; i < customerIds.length; i += MAX_EXISTENCE_IDS) {
        const part = customerIds.slice(i, i + MAX_EXISTENCE_IDS);
        const answer = await ask<{ customerExistence: CustomerStatus[] }>('customers', CUSTOMER_EXISTENCE_QUERY, { customerIds: part });
        statuses.push(...answer.customerExistence);
      }
      return statuses;
    },
    async redemptionOrders(claims) {
      const verdicts: RedemptionOrder[] = [];
      for (let i = 0; i < claims.length; i += MAX_REDEMPTION_CLAIMS) {
        const part = claims.slice(i, i + MAX_REDEMPTION_CLAIMS);
        const answer = await ask<{ redemptionOrders: RedemptionOrder[] }>('transactions', REDEMPTION_ORDERS_QUERY, { orderIds: part.map((c) => c.orderId), customerIds: part.map((c) => c.customerId) });
        verdicts.push(...answer.redemptionOrders);
      }
      return verdicts;
    },
  };
}
