import { PersonalDataCategory, PROFILING, type RequestConsentDecisions } from '@c360/shared';

/** The purpose is named once, in @c360/shared (as for the analytics populations); re-exported for this subgraph's wiring. */
export { PROFILING };

/**
 * "No PROFILING consent, no scores": whoever asks, a customer who has not consented to
 * profiling gets no value scores, only the fact that scoring is withheld.
 */
export interface ProfilingConsent {
  /** The customers among `customerIds` whose value must be withheld, in one batched decision. */
  withheld(customerIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/** Asks the consent decisions of this request for the PROFILING purpose (batched, fail closed). */
export function profilingConsentFrom(decisions: RequestConsentDecisions): ProfilingConsent {
  return {
    async withheld(customerIds) {
      const verdicts = await Promise.all(customerIds.map((id) => decisions.decide(id, PersonalDataCategory.FINANCIAL)));
      return new Set(customerIds.filter((_, i) => !verdicts[i].allowed));
    },
  };
}

/** For tests of the value analysis itself: nobody is withheld. */
export const profilingConsentNotChecked: ProfilingConsent = {
  withheld: async () => new Set<string>(),
};
