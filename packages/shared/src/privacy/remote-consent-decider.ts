import type { Caller } from '../context/caller';
import type { PeerClient } from '../peers/peer-client';
import type { Audience, ConsentDecider, ConsentDecision, DecisionRequest } from './consent-decisions';
import type { CategoryAudience } from './category-audience';
import type { PersonalDataCategory } from './personal-data';
import { STANDING_DECISION_TTL_MS, standingDecisionKey, withStandingCache, type StandingDecision } from './standing-decision';
import { CallerKind } from '../context/caller';
import { currentScope } from '../observability/request-scope';
import { PageDecisionCache } from './page-decision-cache';
import { purposeDecisionKey, type PurposeDecision, type PurposeDecisionRequest } from './purpose-decisions';

export const CONSENT_SUBGRAPH = 'consent' as const;

const DECISIONS_QUERY = `query ConsentDecisions($requests: [ConsentDecisionRequest!]!) {
  consentDecisions(requests: $requests) { customerId category allowed reason consentRecordId }
}`;

const PURPOSE_DECISIONS_QUERY = `query ConsentPurposeDecisions($requests: [ConsentPurposeDecisionRequest!]!) {
  consentPurposeDecisions(requests: $requests) { customerId category purpose allowed reason consentRecordId }
}`;

const AUDIENCE_QUERY = `query ConsentAudience { consentAudience { everyone customerIds } }`;

const CATEGORY_AUDIENCES_QUERY = `query ConsentCategoryAudiences($categories: [String!]!) {
  consentCategoryAudiences(categories: $categories) { category covered everyone customerIds }
}`;

const STANDING_QUERY = `query ConsentStandingDecision {
  consentStandingDecision { perCustomer allowedCategories reason deniedReason onlyCustomerId }
}`;

/**
 * Asks the consent subgraph directly (its `consentDecisions` query is @inaccessible, so not
 * part of the public graph), as the same caller, signed for the consent audience.
 * Any failure throws; RequestConsentDecisions turns that into a deny (fail closed).
 * Standing decisions (fixed by the caller's purpose alone, never by consent events) are kept
 * per process for `standingTtlMs`, so callers under a contract purpose cost no round-trip.
 * Per-customer decisions are shared by the subgraph requests of one page (see PageDecisionCache).
 */
export function remoteConsentDecider(peers: PeerClient, standingTtlMs = STANDING_DECISION_TTL_MS, pages = new PageDecisionCache()): ConsentDecider {
  const page = () => currentScope()?.requestId;
  return withStandingCache({
    async standing(caller: Caller): Promise<StandingDecision> {
      return (await peers.query<{ consentStandingDecision: StandingDecision }>(CONSENT_SUBGRAPH, caller, STANDING_QUERY)).consentStandingDecision;
    },
    decide(caller: Caller, requests: DecisionRequest[]): Promise<ConsentDecision[]> {
      const basis = standingDecisionKey(caller);
      return pages.decide(
        page(),
        requests,
        (r) => `${basis}|${r.customerId}|${r.category}`,
        async (missing) => (await peers.query<{ consentDecisions: ConsentDecision[] }>(CONSENT_SUBGRAPH, caller, DECISIONS_QUERY, { requests: missing })).consentDecisions,
      );
    },
    async decideAcrossPurposes(clientId: string, requests: PurposeDecisionRequest[]): Promise<PurposeDecision[]> {
      // Asked as an internal app with no purpose of its own: each request names the purpose it is judged under.
      const asker: Caller = { clientId, kind: CallerKind.INTERNAL_APP, scopes: [] };
      const decided = await pages.decide(
        page(),
        requests,
        (r) => `purpose|${purposeDecisionKey(r)}`,
        async (missing) => (await peers.query<{ consentPurposeDecisions: PurposeDecision[] }>(CONSENT_SUBGRAPH, asker, PURPOSE_DECISIONS_QUERY, { requests: missing })).consentPurposeDecisions,
      );
      return decided as PurposeDecision[];
    },
    async categoryAudiences(caller: Caller, categories: PersonalDataCategory[]): Promise<CategoryAudience[]> {
      return (await peers.query<{ consentCategoryAudiences: CategoryAudience[] }>(CONSENT_SUBGRAPH, caller, CATEGORY_AUDIENCES_QUERY, { categories })).consentCategoryAudiences;
    },
    async audience(caller: Caller): Promise<Audience> {
      return (await peers.query<{ consentAudience: Audience }>(CONSENT_SUBGRAPH, caller, AUDIENCE_QUERY)).consentAudience;
    },
  }, standingTtlMs);
}
