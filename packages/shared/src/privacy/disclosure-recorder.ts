import { CallerKind, type Caller } from '../context/caller';
import type { PeerClient } from '../peers/peer-client';
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

export function remoteDisclosureRecorder(peers: PeerClient): DisclosureRecorder {
  return {
    async record(caller, subgraph, disclosures) {
      await peers.query(CONSENT_SUBGRAPH, caller, RECORD_MUTATION, { subgraph, disclosures });
    },
  };
}
