import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CallerKind, RequiresScope, SCOPES, assertUuid, isVisible, visibleCustomers } from '@c360/shared';
import type { CustomersContext } from '../context';
import { identityReleased } from '../customer/identity-release';
import { toCustomerType } from '../customer/customer.mapper';
import { mergeCustomerNotFound, staffOnly } from './merge.errors';
import { toCustomerMerge } from './merge.mapper';
import type { MergeService } from './merge.service';
import { CustomerMerge, DuplicateCandidate } from './merge.type';

@Resolver()
export class MergeResolver {
  constructor(private readonly service: MergeService) {}

  @Query(() => [DuplicateCandidate], { description: "Staff: profiles that share a normalised e-mail, phone or external id with this customer, with the evidence; NOT_FOUND unless its IDENTITY is released to the caller's purpose, and only candidates whose IDENTITY is released too" })
  @Authorized(SCOPES.CUSTOMERS_READ, SCOPES.CUSTOMERS_PII_READ)
  async duplicateCandidates(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: CustomersContext): Promise<DuplicateCandidate[]> {
    // Decided before any id is read: a partner or self-service caller learns nothing about any id.
    if (ctx.caller.kind !== CallerKind.INTERNAL_APP) throw staffOnly();
    const id = assertUuid(customerId, 'customerId');
    const visibility = await visibleCustomers(ctx);
    // Matching is identity resolution: only for a customer whose IDENTITY is released to the caller's purpose,
    // asked before existence so a missing and a hidden customer answer alike.
    const released = await identityReleased(ctx, id);
    if (!released || !isVisible(visibility, id) || !(await ctx.loaders.customerById.load(id))) throw mergeCustomerNotFound('customerId');
    const matched = await this.service.candidates(id, visibility.all ? undefined : [...visibility.ids], (c, category) => ctx.consent.decide(c, category));
    // A listed candidate says that customer exists and shares an identifier: only where its IDENTITY is released too.
    const found = (await Promise.all(matched.map(async (c) => ((await identityReleased(ctx, c.customerId)) ? [c] : [])))).flat();
    const customers = await ctx.loaders.customerById.loadMany(found.map((c) => c.customerId));
    return found.flatMap((candidate, i) => {
      const entity = customers[i];
      return entity && !(entity instanceof Error) ? [{ customer: toCustomerType(entity), evidence: candidate.evidence }] : [];
    });
  }

  @Mutation(() => CustomerMerge, { description: "Merges mergedId into survivorId across every subgraph (customers:write + customers:merge); the merged id then resolves to the survivor" })
  @Authorized(SCOPES.CUSTOMERS_WRITE, SCOPES.CUSTOMERS_MERGE)
  async mergeCustomers(@Arg('survivorId', () => ID) survivorId: string, @Arg('mergedId', () => ID) mergedId: string, @Ctx() ctx: CustomersContext): Promise<CustomerMerge> {
    const merge = await this.service.merge(assertUuid(survivorId, 'survivorId'), assertUuid(mergedId, 'mergedId'), ctx.caller);
    ctx.loaders.customerById.clearAll();
    return toCustomerMerge(merge);
  }

  @Mutation(() => CustomerMerge, { description: 'Restores both profiles of a merge within its undo window; what was recorded on the survivor since stays with it (customers:write + customers:merge)' })
  @Authorized(SCOPES.CUSTOMERS_WRITE, SCOPES.CUSTOMERS_MERGE)
  async unmergeCustomers(@Arg('mergeId', () => ID) mergeId: string, @Ctx() ctx: CustomersContext): Promise<CustomerMerge> {
    const merge = await this.service.unmerge(assertUuid(mergeId, 'mergeId'));
    ctx.loaders.customerById.clearAll();
    return toCustomerMerge(merge);
  }

  @Query(() => CustomerMerge, { description: 'A merge and its state (customers:merge)' })
  @RequiresScope(SCOPES.CUSTOMERS_MERGE)
  async customerMerge(@Arg('id', () => ID) id: string): Promise<CustomerMerge> {
    return toCustomerMerge(await this.service.find(assertUuid(id, 'id')));
  }
}
