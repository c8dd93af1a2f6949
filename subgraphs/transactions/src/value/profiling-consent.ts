/**
 * The seam for the consent rule "no PROFILING consent, no scores". The consent subgraph owns
 * decisions; when its batched per-request check lands, it implements this interface and the
 * customerValue loader (value.loaders.ts) withholds the scores of the customers it returns.
 */
export interface ProfilingConsent {
  /** The customers among `customerIds` whose value must be withheld, in one batched decision. */
  withheld(customerIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/** Until the consent check is wired, nobody is withheld. */
export const profilingConsentNotChecked: ProfilingConsent = {
  withheld: async () => new Set<string>(),
};
