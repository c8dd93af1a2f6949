import { CUSTOMER_EXISTENCE_QUERY, CustomerExistenceStatus, FEED_INTEGRITY_CALLER, MAX_EXISTENCE_IDS, type PeerClient, type RetiredCustomer } from '@c360/shared';

/** What the customers subgraph says of a batch's customer ids: those it does not know (never existed, or erased), and the retired ones. */
export interface BatchCustomers {
  unknown: string[];
  /** Retired (merged) ids, lower-cased, with their survivor: a feed naming one lands on the survivor. */
  retired: Map<string, RetiredCustomer>;
}

/** Which of a batch's customer ids the customers subgraph does not know (never existed, or erased). */
export interface KnownCustomers {
  unknownAmong(customerIds: string[]): Promise<string[]>;
  /** The same answer with the retired ids resolved; a feed check without it takes no id as retired. */
  classify?(customerIds: string[]): Promise<BatchCustomers>;
}

interface Existence {
  customerId: string;
  status: CustomerExistenceStatus;
  survivorId: string | null;
  mergeId: string | null;
}

/** Asks the customers subgraph's feed-integrity contract (the one every feed uses), a thousand ids per call. */
export function peerKnownCustomers(peers: PeerClient): KnownCustomers {
  async function classify(customerIds: string[]): Promise<BatchCustomers> {
    const known = new Set<string>();
    const retired = new Map<string, RetiredCustomer>();
    for (let i = 0; i < customerIds.length; i += MAX_EXISTENCE_IDS) {
      const data = await peers.query<{ customerExistence: Existence[] }>('customers', FEED_INTEGRITY_CALLER, CUSTOMER_EXISTENCE_QUERY, { customerIds: customerIds.slice(i, i + MAX_EXISTENCE_IDS) }, { timeoutMs: 30_000 });
      for (const e of data.customerExistence) {
        const id = e.customerId.toLowerCase();
        if (e.status === CustomerExistenceStatus.EXISTS) known.add(id);
        else if (e.status === CustomerExistenceStatus.MERGED && e.survivorId && e.mergeId) retired.set(id, { survivorId: e.survivorId.toLowerCase(), mergeId: e.mergeId });
      }
    }
    return { unknown: customerIds.filter((id) => !known.has(id.toLowerCase()) && !retired.has(id.toLowerCase())), retired };
  }
  return {
    classify,
    // Retired ids count as unknown here: a caller that cannot re-point them must not write under them.
    unknownAmong: async (customerIds) => {
      const { unknown, retired } = await classify(customerIds);
      return [...unknown, ...customerIds.filter((id) => retired.has(id.toLowerCase()))];
    },
  };
}
