/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How the customer first came to us */
export type AcquisitionChannel =
  | 'CALL_CENTER'
  | 'EMAIL'
  | 'MOBILE'
  | 'PARTNER'
  | 'REFERRAL'
  | 'SOCIAL'
  | 'STORE'
  | 'WEB';

/** Only offers of an ACTIVE campaign are ever eligible */
export type CampaignStatus =
  /** Running: its ACTIVE offers can be offered */
  | 'ACTIVE'
  /** Finished for good (final) */
  | 'COMPLETED'
  /** Being designed; none of its offers are live */
  | 'DRAFT'
  /** Temporarily stopped; can be resumed */
  | 'PAUSED';

/** Where the customer expressed a consent decision */
export type ConsentChannel =
  | 'API'
  | 'CALL_CENTER'
  | 'EMAIL'
  | 'MERGE'
  | 'MOBILE'
  | 'PAPER'
  | 'STORE'
  | 'WEB';

/** DENIED: asked and refused; WITHDRAWN: granted earlier (or never) and now revoked */
export type ConsentStatus =
  | 'DENIED'
  | 'GRANTED'
  | 'WITHDRAWN';

/** All given conditions must hold */
export type CustomerFilter = {
  acquisitionChannel?: AcquisitionChannel | null | undefined;
  countryCode?: string | null | undefined;
  createdAfter?: string | null | undefined;
  createdBefore?: string | null | undefined;
  /** Case-insensitive prefix of display name, family name or email */
  search?: string | null | undefined;
};

/** ACCESS: a portable export of everything held; ERASURE: erase or de-identify it everywhere */
export type DataSubjectRequestKind =
  | 'ACCESS'
  | 'ERASURE';

/** FAILED: some subgraph failed (retried automatically with backoff, or resumed); DONE only when every subgraph is DONE */
export type DataSubjectRequestStatus =
  | 'DONE'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING';

export type GrantConsentInput = {
  channel: ConsentChannel;
  /** The customer (UUID) */
  customerId: string | number;
  /** The notice version shown to the customer; defaults to the purpose's current notice */
  noticeVersion?: number | null | undefined;
  /** Required for partner-scoped purposes (PARTNER_SHARING), refused for others */
  partnerId?: string | number | null | undefined;
  /** A CONSENT purpose, e.g. MARKETING */
  purposeCode: string;
};

/** CONTRACT and LEGITIMATE_INTEREST need no consent; CONSENT purposes are allowed only with a GRANTED consent */
export type LegalBasis =
  | 'CONSENT'
  | 'CONTRACT'
  | 'LEGITIMATE_INTEREST';

/** PROSPECT: no completed purchase. NEW: one purchase, at most 90 days ago. Otherwise, against the rhythm (own mean days between purchases, or the base median for one-order customers, at least 1 day): ACTIVE when days since the last purchase <= 2 × rhythm, AT_RISK when <= 4 × rhythm, LAPSED beyond that or with no purchase in the RFM window */
export type LifecycleStage =
  | 'ACTIVE'
  | 'AT_RISK'
  | 'LAPSED'
  | 'NEW'
  | 'PROSPECT';

/** Why an offer was picked: a targeting rule it matched, or a term of its score */
export type OfferReasonCode =
  /** The customer browsed or searched (PASSIVE interactions) a category of the offered products (score term) */
  | 'BROWSED_INTEREST'
  /** The customer bought in the categories of the offered products (score term) */
  | 'CATEGORY_AFFINITY'
  /** Customers who bought what this customer bought also bought the offered products (score term, COLLABORATIVE offers) */
  | 'CO_PURCHASE'
  /** The customer's RFM monetary score (score term) */
  | 'HIGH_VALUE'
  /** The customer is in one of the segments the offer targets */
  | 'IN_SEGMENT'
  /** The customer's lifecycle stage is one the offer targets */
  | 'LIFECYCLE_MATCH'
  /** Some of the offer's products are out of stock and were left out */
  | 'PARTLY_OUT_OF_STOCK'
  /** The offer's priority (score term) */
  | 'PRIORITY'
  /** The offer was shown to the customer recently (score penalty) */
  | 'RECENTLY_SHOWN'
  /** The customer told us (an ACTIVE interaction: survey, preference) they like a category of the offered products (score term) */
  | 'STATED_INTEREST'
  /** The offer targets the customer by segment, lifecycle or value rather than everyone (score term) */
  | 'TARGETED'
  /** The customer's value meets the offer's thresholds */
  | 'VALUE_MATCH'
  /** The customer did not consent to PROFILING: value took no part in the score */
  | 'VALUE_WITHHELD';

/** COMPLETED counts as a purchase; REFUNDED (money back, goods not restocked) and CANCELLED (goods restocked) do not */
export type OrderStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'REFUNDED';

/** From the recency (R) and frequency (F) scores: CHAMPIONS R5 F4-5; LOYAL R3-4 F4-5; POTENTIAL_LOYALIST R4-5 F2-3; NEW R5 F1; PROMISING R4 F1; NEED_ATTENTION R3 F1-3; CANT_LOSE R1-2 F5; AT_RISK R1-2 F3-4; HIBERNATING R2 F1-2 and R1 F2; LOST R1 F1, and every buyer with no purchase in the window */
export type RfmSegment =
  | 'AT_RISK'
  | 'CANT_LOSE'
  | 'CHAMPIONS'
  | 'HIBERNATING'
  | 'LOST'
  | 'LOYAL'
  | 'NEED_ATTENTION'
  | 'NEW'
  | 'POTENTIAL_LOYALIST'
  | 'PROMISING';

/** Where the order was placed */
export type SalesChannel =
  | 'CALL_CENTER'
  | 'MARKETPLACE'
  | 'MOBILE'
  | 'PARTNER'
  | 'STORE'
  | 'WEB';

export type WithdrawConsentInput = {
  channel: ConsentChannel;
  /** The customer (UUID) */
  customerId: string | number;
  /** Required for partner-scoped purposes (PARTNER_SHARING), refused for others */
  partnerId?: string | number | null | undefined;
  /** A CONSENT purpose, e.g. MARKETING */
  purposeCode: string;
};

export type SearchCustomersQueryVariables = Exact<{
  filter?: CustomerFilter | null | undefined;
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type SearchCustomersQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, displayName: string | null, email: string | null, acquisitionChannel: AcquisitionChannel, createdAt: string } }> } | null };

export type Customer360QueryVariables = Exact<{
  id: string | number;
}>;


export type Customer360Query = { customer: { id: string, displayName: string | null, givenName: string | null, familyName: string | null, email: string | null, phone: string | null, birthDate: string | null, locale: string | null, acquisitionChannel: AcquisitionChannel, createdAt: string, address: { city: string | null, countryCode: string | null } | null, orders: { totalCount: number, edges: Array<{ node: { id: string, total: number | null, currency: string, status: OrderStatus, occurredAt: string | null, channel: SalesChannel | null } }> } | null, value: { currency: string | null, lifecycleStage: LifecycleStage | null, churnRisk: number | null, scoringWithheld: boolean, rfm: { recencyDays: number | null, frequency: number, monetary: number, recencyScore: number | null, frequencyScore: number | null, monetaryScore: number | null, segment: RfmSegment | null } | null, lifetimeValue: { historical: number, predicted: number, averageOrderValue: number } | null } | null, consents: Array<{ status: ConsentStatus, noticeVersion: number | null, updatedAt: string, purpose: { code: string, name: string }, partner: { name: string } | null }>, consentHistory: { edges: Array<{ node: { id: string, status: ConsentStatus, recordedAt: string, purpose: { code: string }, partner: { name: string } | null } }> }, nextBestOffers: Array<{ rank: number, score: number, offer: { id: string, name: string, headline: string }, reasons: Array<{ code: OfferReasonCode, text: string, contribution: number }> }> | null } | null };

export type CampaignsQueryVariables = Exact<{ [key: string]: never; }>;


export type CampaignsQuery = { campaigns: { edges: Array<{ node: { id: string, name: string, status: CampaignStatus, holdoutPercent: number } }> } | null };

export type CampaignPerformanceQueryVariables = Exact<{
  id: string | number;
}>;


export type CampaignPerformanceQuery = { campaign: { id: string, name: string, performance: { reach: number, conversionRate: number | null, attributedRevenue: number, shown: { customers: number }, clicked: { customers: number }, accepted: { customers: number }, redeemed: { customers: number }, uplift: { absoluteUplift: number | null, relativeUplift: number | null, incrementalRedemptions: number | null, pValue: number | null, holdoutReach: number } | null } | null } | null };

export type SegmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type SegmentsQuery = { segments: { edges: Array<{ node: { id: string, name: string, purpose: string, memberCount: number | null, evaluatedAt: string | null, versions: Array<{ version: number }>, sizeHistory: { withheldVersions: Array<number>, points: Array<{ at: string, version: number, memberCount: number }> } | null } }> } | null };

export type CustomerDisclosuresQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerDisclosuresQuery = { customer: { id: string, disclosures: { edges: Array<{ node: { id: string, disclosedAt: string, clientId: string, purposeCode: string, categories: Array<string> } }> } } | null };

export type PrivacyOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type PrivacyOverviewQuery = { purposes: Array<{ code: string, name: string, description: string, legalBasis: LegalBasis, requiresConsent: boolean, partnerScoped: boolean, dataCategories: Array<string>, currentNotice: { version: number, title: string, summary: string } | null }> | null, partners: Array<{ id: string, name: string, description: string | null }> | null, customer: { id: string, displayName: string | null, consents: Array<{ status: ConsentStatus, noticeVersion: number | null, updatedAt: string, eventId: string, purpose: { code: string }, partner: { id: string } | null }>, consentHistory: { totalCount: number, edges: Array<{ node: { id: string, status: ConsentStatus, noticeVersion: number | null, channel: ConsentChannel, recordedAt: string, hash: string, purpose: { code: string, name: string }, partner: { name: string } | null } }> }, disclosures: { totalCount: number, edges: Array<{ node: { id: string, disclosedAt: string, clientId: string, purposeCode: string, categories: Array<string>, consentEventIds: Array<string>, partner: { name: string } | null } }> } } | null, dataSubjectRequests: Array<{ id: string, kind: DataSubjectRequestKind, status: DataSubjectRequestStatus, requestedAt: string, completedAt: string | null, parts: Array<{ subgraph: string, status: DataSubjectRequestStatus }> }> | null };

export type ConsentReceiptQueryVariables = Exact<{
  eventId: string | number;
}>;


export type ConsentReceiptQuery = { consentReceipt: Record<string, unknown> | null };

export type VerifyLedgerQueryVariables = Exact<{
  id: string | number;
}>;


export type VerifyLedgerQuery = { verifyConsentLedger: { valid: boolean, eventsChecked: number, headHash: string | null } | null };

export type AccessDocumentQueryVariables = Exact<{
  id: string | number;
}>;


export type AccessDocumentQuery = { dataSubjectRequest: { id: string, status: DataSubjectRequestStatus, accessDocument: Record<string, unknown> | null } | null };

export type GrantMutationVariables = Exact<{
  input: GrantConsentInput;
}>;


export type GrantMutation = { grantConsent: { status: ConsentStatus, eventId: string } };

export type WithdrawMutationVariables = Exact<{
  input: WithdrawConsentInput;
}>;


export type WithdrawMutation = { withdrawConsent: { status: ConsentStatus, eventId: string } };

export type RequestAccessMutationVariables = Exact<{
  id: string | number;
}>;


export type RequestAccessMutation = { requestDataAccess: { id: string, status: DataSubjectRequestStatus } };

export type RequestErasureMutationVariables = Exact<{
  id: string | number;
}>;


export type RequestErasureMutation = { requestErasure: { id: string, status: DataSubjectRequestStatus } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SearchCustomersDocument = new TypedDocumentString(`
    query SearchCustomers($filter: CustomerFilter, $after: String, $first: Int) {
  customers(filter: $filter, after: $after, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        displayName
        email
        acquisitionChannel
        createdAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchCustomersQuery, SearchCustomersQueryVariables>;
export const Customer360Document = new TypedDocumentString(`
    query Customer360($id: ID!) {
  customer(id: $id) {
    id
    displayName
    givenName
    familyName
    email
    phone
    birthDate
    locale
    address {
      city
      countryCode
    }
    acquisitionChannel
    createdAt
    orders(first: 10) {
      totalCount
      edges {
        node {
          id
          total
          currency
          status
          occurredAt
          channel
        }
      }
    }
    value {
      currency
      lifecycleStage
      churnRisk
      scoringWithheld
      rfm {
        recencyDays
        frequency
        monetary
        recencyScore
        frequencyScore
        monetaryScore
        segment
      }
      lifetimeValue {
        historical
        predicted
        averageOrderValue
      }
    }
    consents {
      status
      noticeVersion
      updatedAt
      purpose {
        code
        name
      }
      partner {
        name
      }
    }
    consentHistory(first: 20) {
      edges {
        node {
          id
          status
          recordedAt
          purpose {
            code
          }
          partner {
            name
          }
        }
      }
    }
    nextBestOffers(first: 3) {
      rank
      score
      offer {
        id
        name
        headline
      }
      reasons {
        code
        text
        contribution
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Customer360Query, Customer360QueryVariables>;
export const CampaignsDocument = new TypedDocumentString(`
    query Campaigns {
  campaigns(first: 20) {
    edges {
      node {
        id
        name
        status
        holdoutPercent
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CampaignsQuery, CampaignsQueryVariables>;
export const CampaignPerformanceDocument = new TypedDocumentString(`
    query CampaignPerformance($id: ID!) {
  campaign(id: $id) {
    id
    name
    performance {
      reach
      conversionRate
      attributedRevenue
      shown {
        customers
      }
      clicked {
        customers
      }
      accepted {
        customers
      }
      redeemed {
        customers
      }
      uplift {
        absoluteUplift
        relativeUplift
        incrementalRedemptions
        pValue
        holdoutReach
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CampaignPerformanceQuery, CampaignPerformanceQueryVariables>;
export const SegmentsDocument = new TypedDocumentString(`
    query Segments {
  segments(first: 20) {
    edges {
      node {
        id
        name
        purpose
        memberCount
        evaluatedAt
        versions {
          version
        }
        sizeHistory(first: 50) {
          withheldVersions
          points {
            at
            version
            memberCount
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SegmentsQuery, SegmentsQueryVariables>;
export const CustomerDisclosuresDocument = new TypedDocumentString(`
    query CustomerDisclosures($id: ID!) {
  customer(id: $id) {
    id
    disclosures(first: 20) {
      edges {
        node {
          id
          disclosedAt
          clientId
          purposeCode
          categories
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerDisclosuresQuery, CustomerDisclosuresQueryVariables>;
export const PrivacyOverviewDocument = new TypedDocumentString(`
    query PrivacyOverview($id: ID!) {
  purposes {
    code
    name
    description
    legalBasis
    requiresConsent
    partnerScoped
    dataCategories
    currentNotice {
      version
      title
      summary
    }
  }
  partners(activeOnly: true) {
    id
    name
    description
  }
  customer(id: $id) {
    id
    displayName
    consents {
      status
      noticeVersion
      updatedAt
      eventId
      purpose {
        code
      }
      partner {
        id
      }
    }
    consentHistory(first: 50) {
      totalCount
      edges {
        node {
          id
          status
          noticeVersion
          channel
          recordedAt
          hash
          purpose {
            code
            name
          }
          partner {
            name
          }
        }
      }
    }
    disclosures(first: 50) {
      totalCount
      edges {
        node {
          id
          disclosedAt
          clientId
          purposeCode
          categories
          consentEventIds
          partner {
            name
          }
        }
      }
    }
  }
  dataSubjectRequests(customerId: $id) {
    id
    kind
    status
    requestedAt
    completedAt
    parts {
      subgraph
      status
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyOverviewQuery, PrivacyOverviewQueryVariables>;
export const ConsentReceiptDocument = new TypedDocumentString(`
    query ConsentReceipt($eventId: ID!) {
  consentReceipt(eventId: $eventId)
}
    `) as unknown as TypedDocumentString<ConsentReceiptQuery, ConsentReceiptQueryVariables>;
export const VerifyLedgerDocument = new TypedDocumentString(`
    query VerifyLedger($id: ID!) {
  verifyConsentLedger(customerId: $id) {
    valid
    eventsChecked
    headHash
  }
}
    `) as unknown as TypedDocumentString<VerifyLedgerQuery, VerifyLedgerQueryVariables>;
export const AccessDocumentDocument = new TypedDocumentString(`
    query AccessDocument($id: ID!) {
  dataSubjectRequest(id: $id) {
    id
    status
    accessDocument
  }
}
    `) as unknown as TypedDocumentString<AccessDocumentQuery, AccessDocumentQueryVariables>;
export const GrantDocument = new TypedDocumentString(`
    mutation Grant($input: GrantConsentInput!) {
  grantConsent(input: $input) {
    status
    eventId
  }
}
    `) as unknown as TypedDocumentString<GrantMutation, GrantMutationVariables>;
export const WithdrawDocument = new TypedDocumentString(`
    mutation Withdraw($input: WithdrawConsentInput!) {
  withdrawConsent(input: $input) {
    status
    eventId
  }
}
    `) as unknown as TypedDocumentString<WithdrawMutation, WithdrawMutationVariables>;
export const RequestAccessDocument = new TypedDocumentString(`
    mutation RequestAccess($id: ID!) {
  requestDataAccess(customerId: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RequestAccessMutation, RequestAccessMutationVariables>;
export const RequestErasureDocument = new TypedDocumentString(`
    mutation RequestErasure($id: ID!) {
  requestErasure(customerId: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RequestErasureMutation, RequestErasureMutationVariables>;