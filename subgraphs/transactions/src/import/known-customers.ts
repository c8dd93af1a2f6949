import { CUSTOMER_EXISTENCE_QUERY, CustomerExistenceStatus, FEED_INTEGRITY_CALLER, MAX_EXISTENCE_IDS, type PeerClient } from '@c360/shared';

/** Which of a batch's customer ids the customers subgraph does not know (never existed, or erased). */
export interface KnownCustomers {
  unknownAmong(customerIds: string[]): Promise<string[]>;
}

/** Asks the customers subgraph's feed-integrity contract (the one every feed uses), a thousand ids per call. */
export function peerKnownCustomers(peers: PeerClient): KnownCustomers {
  return {
    async unknownAmong(customerIds) {
      const known = new Set<string>();
      for (let i = 0; i < customerIds.length; i += MAX_EXISTENCE_IDS) {
        const data = await peers.query<{ customerExistence: { customerId: string; status: CustomerExistenceStatus }[] }>(
          'customers',
          FEED_INTEGRITY_CALLER,
          CUSTOMER_EXISTENCE_QUERY,
          { customerIds: customerIds.slice(i, i + MAX_EXISTENCE_IDS) },
          { timeoutMs: 30_000 },
        );
        for (const e of data.customerExistence) if (e.status === CustomerExistenceStatus.EXISTS) known.add(e.customerId.toLowerCase());
      }
      return customerIds.filter((id) => !known.has(id.toLowerCase()));
    },
  };
}
