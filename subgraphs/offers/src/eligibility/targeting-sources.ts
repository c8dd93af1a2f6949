import type { Caller, PeerClient } from '@c360/shared';
import type { CoPurchase, CustomerInterest, ProductFacts, PurchaseFacts } from './targeting-facts';

/** The transactions subgraph's internal contract (targeting/ there), asked once per request for the whole page. */
const TRANSACTIONS_FACTS = `query OfferTargetingFacts($customerIds: [ID!]!, $skus: [String!]!, $withCoPurchases: Boolean!, $alsoBoughtIn: [String!]) {
  offerTargetingFacts(customerIds: $customerIds, skus: $skus, withCoPurchases: $withCoPurchases, alsoBoughtIn: $alsoBoughtIn, alsoBoughtInStock: true) {
    customers { customerId valueWithheld lifecycleStage monetary monetaryScore predictedValue churnRisk categories { category lines } skus }
    products { sku category inStock }
    coPurchases { sku alsoBought together support confidence }
  }
}`;

/**
 * The customers subgraph's internal contracts for segment membership and for stated / browsed
 * interests (BEHAVIOURAL, decided there for the caller), in one operation: one call per peer.
 */
const CUSTOMER_TARGETING = `query CustomerTargeting($customerIds: [ID!]!, $segments: Boolean!, $interests: Boolean!) {
  segmentMemberships(customerIds: $customerIds) @include(if: $segments) { customerId segmentIds }
  customerInterests(customerIds: $customerIds) @include(if: $interests) { customerId interests { category source count } }
}`;

/** One customer as the transactions contract answers (also read by the restriction test). */
export interface CustomerFactsAnswer {
  customerId: string;
  valueWithheld: boolean;
  lifecycleStage: string | null;
  monetary: number | null;
  monetaryScore: number | null;
  predictedValue: number | null;
  churnRisk: number | null;
  categories: { category: string; lines: number }[];
  skus: string[];
}

/**
 * Which co-purchase pairs the live offers can use: none (no COLLABORATIVE offer, or no ranking),
 * or those whose Y is in stock and, when every COLLABORATIVE offer names its products, one of them.
 */
export type CoPurchaseNeed = { alsoBoughtIn: string[] | null } | null;

export interface TransactionsFacts {
  purchases: Map<string, PurchaseFacts>;
  products: Map<string, ProductFacts>;
  coPurchases: CoPurchase[];
}

/** Where the engine's facts from other subgraphs come from; each call throws when its peer cannot answer. */
export interface TargetingSources {
  transactions(customerIds: string[], skus: string[], coPurchases: CoPurchaseNeed): Promise<TransactionsFacts>;
  segments(customerIds: string[]): Promise<Map<string, string[]>>;
  /** Absent in sources that know no interactions (the ranking then has no interest terms). */
  interests?(customerIds: string[]): Promise<Map<string, CustomerInterest[]>>;
  /** Both in one call to the customers subgraph (null for a part not asked). */
  customers?(customerIds: string[], need: CustomersNeed): Promise<CustomersFacts>;
}

export interface CustomersNeed {
  segments: boolean;
  interests: boolean;
}

export interface CustomersFacts {
  segments: Map<string, string[]> | null;
  interests: Map<string, CustomerInterest[]> | null;
}

/** Asks the peers as the request's caller, signed like the gateway (never their tables). */
export function peerTargetingSources(peers: PeerClient, caller: Caller): TargetingSources {
  return {
    async transactions(customerIds, skus, coPurchases) {
      const { offerTargetingFacts: facts } = await peers.query<{
        offerTargetingFacts: { customers: CustomerFactsAnswer[]; products: ProductFacts[]; coPurchases: CoPurchase[] };
      }>('transactions', caller, TRANSACTIONS_FACTS, {
        customerIds,
        skus,
        withCoPurchases: coPurchases !== null,
        alsoBoughtIn: coPurchases?.alsoBoughtIn ?? null,
      });
      return {
        purchases: new Map(facts.customers.map((c) => [c.customerId, toPurchaseFacts(c)])),
        products: new Map(facts.products.map((p) => [p.sku, p])),
        coPurchases: facts.coPurchases,
      };
    },
    async segments(customerIds) {
      return (await this.customers!(customerIds, { segments: true, interests: false })).segments!;
    },
    async interests(customerIds) {
      return (await this.customers!(customerIds, { segments: false, interests: true })).interests!;
    },
    async customers(customerIds, need) {
      const answer = await peers.query<{
        segmentMemberships?: { customerId: string; segmentIds: string[] }[];
        customerInterests?: { customerId: string; interests: CustomerInterest[] }[];
      }>('customers', caller, CUSTOMER_TARGETING, { customerIds, ...need });
      return {
        segments: need.segments ? new Map(answer.segmentMemberships!.map((m) => [m.customerId.toLowerCase(), m.segmentIds])) : null,
        interests: need.interests ? new Map(answer.customerInterests!.map((c) => [c.customerId.toLowerCase(), c.interests])) : null,
      };
    },
  };
}

const toPurchaseFacts = (c: CustomerFactsAnswer): PurchaseFacts => ({
  value: c.valueWithheld
    ? null
    : { lifecycleStage: c.lifecycleStage, monetary: c.monetary, monetaryScore: c.monetaryScore, predictedValue: c.predictedValue, churnRisk: c.churnRisk },
  categories: c.categories,
  skus: c.skus,
});
