import { CallerKind, type Caller } from '../context/caller';
import { CALLER_HEADER, signCallerToken } from '../context/caller-token';
import type { Disclosure } from './disclosures';
import { CONSENT_SUBGRAPH } from './remote-consent-decider';

/** Appends a request's disclosures to the disclosure ledger (owned by the consent subgraph). */
export interface DisclosureRecorder {
  record(caller: Caller, subgraph: string, disclosures: Disclosure[]): Promise<void>;
}

/** Which callers' disclosures are recorded: partners always (the architecture's promise). */
export const mustRecordDisclosures = (caller: Caller) => caller.kind === CallerKind.PARTNER;

const RECORD_MUTATION = `mutation RecordDisclosures($subgraph: String!, $disclosures: [DisclosureInput!]!) {
  recordDisclosures(subgraph: $subgraph, disclosures: $disclosures)
}`;

export function remoteDisclosureRecorder(options: { url: string; signingKey: string; timeoutMs?: number }): DisclosureRecorder {
  return {
    async record(caller, subgraph, disclosures) {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLER_HEADER]: signCallerToken(options.signingKey, caller, CONSENT_SUBGRAPH) },
        body: JSON.stringify({ query: RECORD_MUTATION, variables: { subgraph, disclosures } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (!response.ok || body.errors?.length) throw new Error(`recording disclosures failed: ${body.errors?.[0]?.message ?? response.status}`);
    },
  };
}
