import type { SubgraphContext } from '../context/subgraph-context';

export const ANALYTICS = 'ANALYTICS';
export const PROFILING = 'PROFILING';

/** The customers whose consent covers `purpose`, whoever asks: null means everyone (the SQL then filters nothing). */
export async function consentedPopulation(ctx: SubgraphContext, purpose: string): Promise<string[] | null> {
  const audience = await ctx.consentFor(purpose).audience();
  return audience.everyone ? null : audience.customerIds;
}

/** Who aggregates may count at all. */
export const analyticsPopulation = (ctx: SubgraphContext) => consentedPopulation(ctx, ANALYTICS);

/** Whose value scores aggregates may group by; the others are grouped as withheld. */
export const profilingPopulation = (ctx: SubgraphContext) => consentedPopulation(ctx, PROFILING);
