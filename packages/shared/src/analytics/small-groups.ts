/** k-anonymity for published aggregates: groups under k are dropped whole, keys included, so no one in them can be singled out. */
export function suppressSmallGroups<T extends { customers: number }>(groups: T[], minimumGroupSize: number): { shown: T[]; suppressed: number } {
  const shown = groups.filter((g) => g.customers >= minimumGroupSize);
  return { shown, suppressed: groups.length - shown.length };
}
