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

/**
 * CONSENT_ENFORCEMENT=off (benchmarks and local experiments only; refused in production):
 * every decision allows and nothing is recorded, so the cost of enforcement can be measured.
 */
export const enforcementOffDecider: ConsentDecider = {
  decide: async (_caller, requests) => requests.map((r) => ({ ...r, allowed: true, reason: DecisionReason.CONSENT_GRANTED, consentRecordId: null })),
  audience: async () => ({ everyone: true, customerIds: [] }),
  categoryAudiences: async (_caller, categories) => categories.map((category) => ({ category, covered: true, everyone: true, customerIds: [] })),
};

export const discardingDisclosureRecorder: DisclosureRecorder = { record: async () => undefined };
