import { CallerKind } from '../context/caller';
import type { SubgraphContext } from '../context/subgraph-context';

/**
 * Which customers' rows a caller may reach at all (customers, their orders, ...). Partners
 * reach only customers who consented to sharing with that partner; a customer only
 * themself. Everyone else reaches every row, and each personal field is still decided alone.
 */
export type Visibility = { all: true } | { all: false; ids: ReadonlySet<string> };

const RESTRICTED = new Set([CallerKind.PARTNER, CallerKind.CUSTOMER]);

export async function visibleCustomers(ctx: SubgraphContext): Promise<Visibility> {
  if (!RESTRICTED.has(ctx.caller.kind)) return { all: true };
  const audience = await ctx.consent.audience();
  return audience.everyone ? { all: true } : { all: false, ids: new Set(audience.customerIds) };
}

export const isVisible = (visibility: Visibility, customerId: string) => visibility.all || visibility.ids.has(customerId);

/** Restricted callers get NOT_FOUND for hidden rows, so they cannot tell hidden from missing. */
export const answersNotFound = (ctx: SubgraphContext) => RESTRICTED.has(ctx.caller.kind);
