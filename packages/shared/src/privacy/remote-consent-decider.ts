import type { Caller } from '../context/caller';
import { CALLER_HEADER, signCallerToken } from '../context/caller-token';
import type { Audience, ConsentDecider, ConsentDecision, DecisionRequest } from './consent-decisions';

export const CONSENT_SUBGRAPH = 'consent';

const DECISIONS_QUERY = `query ConsentDecisions($requests: [ConsentDecisionRequest!]!) {
  consentDecisions(requests: $requests) { customerId category allowed reason consentRecordId }
}`;

const AUDIENCE_QUERY = `query ConsentAudience { consentAudience { everyone customerIds } }`;

export interface RemoteConsentDeciderOptions {
  url: string;
  signingKey: string;
  timeoutMs?: number;
}

/**
 * Asks the consent subgraph directly (its `consentDecisions` query is @inaccessible, so not
 * part of the public graph), as the same caller, signed for the consent audience.
 * Any failure throws; RequestConsentDecisions turns that into a deny (fail closed).
 */
export function remoteConsentDecider(options: RemoteConsentDeciderOptions): ConsentDecider {
  async function ask<T>(caller: Caller, query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: signCallerToken(options.signingKey, caller, CONSENT_SUBGRAPH) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (!response.ok || body.errors?.length || !body.data) throw new Error(`consent service failed: ${body.errors?.[0]?.message ?? response.status}`);
    return body.data;
  }
  return {
    async decide(caller: Caller, requests: DecisionRequest[]): Promise<ConsentDecision[]> {
      return (await ask<{ consentDecisions: ConsentDecision[] }>(caller, DECISIONS_QUERY, { requests })).consentDecisions;
    },
    async audience(caller: Caller): Promise<Audience> {
      return (await ask<{ consentAudience: Audience }>(caller, AUDIENCE_QUERY, {})).consentAudience;
    },
  };
}
