import type { ConsentDecider } from './consent-decisions';
import { DecisionReason } from './consent-decisions';
import type { DisclosureRecorder } from './disclosure-recorder';

/** Denies everything: for building schemas without a consent service (fail closed). */
export const denyAllDecider: ConsentDecider = {
  decide: async (_caller, requests) => requests.map((r) => ({ ...r, allowed: false, reason: DecisionReason.DECISION_UNAVAILABLE })),
  audience: async () => ({ everyone: false, customerIds: [] }),
};

/** Refuses to record: data for partners is then withheld (fail closed). */
export const refusingDisclosureRecorder: DisclosureRecorder = {
  record: async () => {
    throw new Error('no disclosure ledger configured');
  },
};
