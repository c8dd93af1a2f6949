import { DomainError, ErrorCode, CallerKind, answersNotFound, isVisible, visibleCustomers } from '@c360/shared';
import type { CustomersContext } from '../context';
import type { CustomerEntity } from './customer.entity';
import { customerNotFound } from './customer.errors';

/** A customer the caller may see, or null (restricted callers get NOT_FOUND, hidden or missing alike). */
export async function findVisibleCustomer(ctx: CustomersContext, asked: string): Promise<CustomerEntity | null> {
  // A retired (merged) id resolves to its survivor, for every caller alike.
  const customerId = (await ctx.loaders.survivorOf.load(asked)) ?? asked;
  const visibility = await visibleCustomers(ctx);
  const entity = isVisible(visibility, customerId) ? await ctx.loaders.customerById.load(customerId) : null;
  if (!entity && answersNotFound(ctx)) throw customerNotFound(asked);
  return entity;
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
