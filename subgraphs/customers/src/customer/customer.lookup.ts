import { DomainError, ErrorCode, CallerKind, answersNotFound, isVisible, visibleCustomers, type Visibility } from '@c360/shared';
import type { CustomersContext } from '../context';
import type { CustomerEntity } from './customer.entity';
import { customerNotFound } from './customer.errors';

/** A customer the caller may see, or null (restricted callers get NOT_FOUND, hidden or missing alike). */
export async function findVisibleCustomer(ctx: CustomersContext, asked: string): Promise<CustomerEntity | null> {
  const visibility = await visibleCustomers(ctx);
  const customerId = await resolveRetiredId(ctx, visibility, asked);
  const entity = isVisible(visibility, customerId) ? await ctx.loaders.customerById.load(customerId) : null;
  if (!entity && answersNotFound(ctx)) throw customerNotFound(asked);
  return entity;
}

/**
 * A retired (merged) id resolves to its survivor for callers who see every customer (staff); it is
 * looked up only for an id with no profile. Restricted callers (partner, self-service) are bound to
 * ids they were granted, and a retired id answers NOT_FOUND to them like any other: no alias oracle.
 */
export async function resolveRetiredId(ctx: CustomersContext, visibility: Visibility, asked: string): Promise<string> {
  if (!visibility.all || (await ctx.loaders.customerById.load(asked))) return asked;
  return (await ctx.loaders.survivorOf.load(asked)) ?? asked;
}

/** Writes about a customer: self-service callers only about themselves. */
export async function assertMayWriteCustomer(ctx: CustomersContext, customerId: string): Promise<void> {
  if (!isVisible(await visibleCustomers(ctx), customerId)) throw customerNotFound(customerId);
}

export function assertMayCreateCustomers(ctx: CustomersContext): void {
  if (ctx.caller.kind === CallerKind.CUSTOMER || ctx.caller.kind === CallerKind.PARTNER) {
    throw new DomainError(ErrorCode.FORBIDDEN, `A ${ctx.caller.kind} caller cannot create customers`);
  }
}
