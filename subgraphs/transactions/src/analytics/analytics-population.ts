import type { SubgraphContext } from '@c360/shared';

export const ANALYTICS = 'ANALYTICS';

/** Customers whose consent covers analytics, whoever asks: null means everyone (the SQL then filters nothing). */
export async function analyticsPopulation(ctx: SubgraphContext): Promise<string[] | null> {
  const audience = await ctx.consentFor(ANALYTICS).audience();
  return audience.everyone ? null : audience.customerIds;
}
