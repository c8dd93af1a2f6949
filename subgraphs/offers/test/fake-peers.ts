import { DecisionReason, PeerUnavailableError, type ConsentDecider, type PeerClient, type SubgraphName } from '@c360/shared';

export interface FakeCustomerFacts {
  valueWithheld?: boolean;
  lifecycleStage?: string | null;
  monetary?: number | null;
  monetaryScore?: number | null;
  predictedValue?: number | null;
  churnRisk?: number | null;
  categories?: { category: string; lines: number }[];
  skus?: string[];
}

/** What the fake transactions and customers subgraphs know; mutate it between requests. */
export interface FakeWorld {
  products: Map<string, { category: string; inStock: boolean }>;
  customers: Map<string, FakeCustomerFacts>;
  coPurchases: { sku: string; alsoBought: string; together: number; support: number; confidence: number }[];
  segments: Map<string, string[]>;
  down: Set<SubgraphName>;
  /** Answers of the customers `customerExistence` contract: listed ids are EXISTS or ERASED, others UNKNOWN. */
  existence: Map<string, 'EXISTS' | 'ERASED'>;
  /** Orders the transactions `redemptionOrders` contract judges. */
  orders: Map<string, { customerId: string; status: 'COMPLETED' | 'CANCELLED' | 'REFUNDED'; total: number }>;
  calls: { peer: SubgraphName; variables: Record<string, unknown> }[];
  /** Answers of the customers `customerInterests` contract (none when absent). */
  interests?: Map<string, { category: string; source: 'STATED' | 'BROWSED'; count: number }[]>;
}

export const fakeWorld = (): FakeWorld => ({ products: new Map(), customers: new Map(), coPurchases: [], segments: new Map(), down: new Set(), existence: new Map(), orders: new Map(), calls: [] });

/** Answers the transactions `offerTargetingFacts` and customers `segmentMemberships` contracts from the world, as the real peers would. */
export function fakePeers(world: FakeWorld): PeerClient {
  return {
    async query<T>(peer: SubgraphName, _caller: unknown, query: string, variables: Record<string, unknown> = {}): Promise<T> {
      world.calls.push({ peer, variables });
      if (world.down.has(peer)) throw new PeerUnavailableError(peer, 'down in this test');
      if (peer === 'transactions' && query.includes('offerTargetingFacts')) {
        const ids = variables.customerIds as string[];
        const customers = ids.map((customerId) => {
          const c = world.customers.get(customerId) ?? {};
          const withheld = c.valueWithheld ?? false;
          const v = <V>(value: V | undefined, fallback: V) => (withheld ? null : (value ?? fallback));
          return {
            customerId, valueWithheld: withheld, lifecycleStage: v(c.lifecycleStage, 'PROSPECT'), monetary: v(c.monetary, 0), monetaryScore: v(c.monetaryScore, null),
            predictedValue: v(c.predictedValue, 0), churnRisk: v(c.churnRisk, null), categories: c.categories ?? [], skus: c.skus ?? [],
          };
        });
        // As the real peer: only pairs whose Y is among alsoBoughtIn (when given) and, with alsoBoughtInStock, in stock.
        const alsoBoughtIn = variables.alsoBoughtIn as string[] | null | undefined;
        const coPurchases = (variables.withCoPurchases ? world.coPurchases : []).filter(
          (p) => (!alsoBoughtIn || alsoBoughtIn.includes(p.alsoBought)) && (world.products.get(p.alsoBought)?.inStock ?? false),
        );
        const skus = new Set([...(variables.skus as string[]), ...coPurchases.map((p) => p.alsoBought)]);
        const products = [...skus].filter((sku) => world.products.has(sku)).map((sku) => ({ sku, ...world.products.get(sku)! }));
        return { offerTargetingFacts: { customers, products, coPurchases } } as T;
      }
      if (peer === 'customers' && query.includes('segmentMemberships')) {
        const ids = variables.customerIds as string[];
        const answer: Record<string, unknown> = {};
        if (variables.segments !== false) answer.segmentMemberships = ids.map((customerId) => ({ customerId, segmentIds: world.segments.get(customerId) ?? [] }));
        if (variables.interests === true) answer.customerInterests = ids.map((customerId) => ({ customerId, interests: world.interests?.get(customerId) ?? [] }));
        return answer as T;
      }
      if (peer === 'customers' && query.includes('customerExistence')) {
        const ids = variables.customerIds as string[];
        return { customerExistence: ids.map((customerId) => ({ customerId, status: world.existence.get(customerId) ?? 'UNKNOWN' })) } as T;
      }
      if (peer === 'transactions' && query.includes('redemptionOrders')) {
        // As RedemptionOrderService: the total only for an order of the claimed customer.
        const customerIds = variables.customerIds as string[];
        const redemptionOrders = (variables.orderIds as string[]).map((orderId, i) => {
          const order = world.orders.get(orderId);
          if (!order) return { orderId, verdict: 'NOT_FOUND', total: null };
          if (order.customerId !== customerIds[i]) return { orderId, verdict: 'OTHER_CUSTOMER', total: null };
          return { orderId, verdict: order.status === 'COMPLETED' ? 'COMPLETED' : 'NOT_COMPLETED', total: order.total };
        });
        return { redemptionOrders } as T;
      }
      throw new PeerUnavailableError(peer, 'unexpected query in this test');
    },
  };
}

/** Purpose-only decisions from a table (customer -> purposes granted); the caller's own purpose (SERVICE) is always allowed. */
export interface FakeConsent {
  granted: Map<string, Set<string>>;
  unavailable: boolean;
  /** Customers granted every purpose unless listed in `granted`. */
  grantByDefault: boolean;
}

export const fakeConsent = (): FakeConsent => ({ granted: new Map(), unavailable: false, grantByDefault: true });

export function fakeConsentDecider(consent: FakeConsent): ConsentDecider {
  return {
    async decide(caller, requests) {
      const purpose = caller.purpose ?? '';
      if (purpose === 'SERVICE') return requests.map((r) => ({ ...r, allowed: true, reason: DecisionReason.LEGAL_BASIS_CONTRACT }));
      if (consent.unavailable) throw new Error('consent subgraph down in this test');
      return requests.map((r) => {
        const granted = consent.granted.get(r.customerId);
        const allowed = granted ? granted.has(purpose) : consent.grantByDefault;
        return { ...r, allowed, reason: allowed ? DecisionReason.CONSENT_GRANTED : DecisionReason.NO_CONSENT };
      });
    },
    audience: async () => ({ everyone: true, customerIds: [] }),
  };
}
