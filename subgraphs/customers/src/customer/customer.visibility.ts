import { CallerKind, type SubgraphContext } from '@c360/shared';

/**
 * Which customers a caller may see as rows. Partners see only customers who consented to
 * sharing with that partner; a customer sees only themself. Everyone else sees every row,
 * and each personal field is still decided on its own.
 */
export type Visibility = { all: true } | { all: false; ids: ReadonlySet<string> };

const RESTRICTED = new Set([CallerKind.PARTNER, CallerKind.CUSTOMER]);

export async function visibleCustomers(ctx: SubgraphContext): Promise<Visibility> {
  if (!RESTRICTED.has(ctx.caller.kind)) return { all: true };
  const audience = await ctx.consent.audience();
  return audience.everyone ? { all: true } : { all: false, ids: new Set(audience.customerIds) };
}

export const isVisible = (visibility: Visibility, customerId: string) => visibility.all || visibility.ids.has(customerId);

/** Restricted callers cannot tell a hidden customer from a missing one. */
export const answersNotFound = (ctx: SubgraphContext) => RESTRICTED.has(ctx.caller.kind);
