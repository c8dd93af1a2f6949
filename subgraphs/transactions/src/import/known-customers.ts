import type { Caller, PeerClient } from '@c360/shared';

/** Which of a batch's customer ids the customers subgraph does not know (never existed, or erased). */
export interface KnownCustomers {
  unknownAmong(customerIds: string[], caller: Caller): Promise<string[]>;
}

const PER_CALL = 5000;

/** Asks the customers subgraph's internal contract, a few thousand ids per call (one call per batch in practice). */
export function peerKnownCustomers(peers: PeerClient): KnownCustomers {
  return {
    async unknownAmong(customerIds, caller) {
      const known = new Set<string>();
      for (let i = 0; i < customerIds.length; i += PER_CALL) {
        const data = await peers.query<{ knownCustomerIds: string[] }>('customers', caller, 'query Known($ids: [ID!]!) { knownCustomerIds(ids: $ids) }', { ids: customerIds.slice(i, i + PER_CALL) }, { timeoutMs: 30_000 });
        for (const id of data.knownCustomerIds) known.add(id);
      }
      return customerIds.filter((id) => !known.has(id));
    },
  };
}
