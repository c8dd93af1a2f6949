import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { assertUuid, badInput, CallerKind, DomainError, ErrorCode, hasScope } from '@c360/shared';
import type { CustomersContext } from '../context';
import type { CustomerRepository } from './customer.repository';

const MAX_IDS = 5000;

/** Internal contract for bulk import in other subgraphs: which of these customers exist (erased ones do not). */
@Resolver()
export class CustomerExistenceResolver {
  constructor(private readonly customers: CustomerRepository) {}

  @Query(() => [ID], { description: 'The given customer ids that exist, one set-wise lookup; for ERP imports only' })
  @Directive('@inaccessible')
  async knownCustomerIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: CustomersContext): Promise<string[]> {
    if (ctx.caller.kind !== CallerKind.ERP_INTEGRATION || !hasScope(ctx.caller, 'customers:read')) throw new DomainError(ErrorCode.FORBIDDEN, 'Only ERP integrations may check customer ids in bulk');
    if (ids.length > MAX_IDS) throw badInput(`at most ${MAX_IDS} ids per call`);
    return this.customers.existingIds(ids.map((id) => assertUuid(id, 'ids').toLowerCase()));
  }
}
