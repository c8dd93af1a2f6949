import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { badInput, DomainError, ErrorCode, FEED_INTEGRITY_SCOPE, hasScope, MAX_EXISTENCE_IDS } from '@c360/shared';
import type { CustomersContext } from '../context';
import { CustomerExistenceType } from './customer-existence.type';
import type { CustomerExistenceService } from './customer-existence.service';

/** Internal contract for the other subgraphs' feeds (orders, responses, consents): may this id receive data? */
@Resolver()
export class CustomerExistenceResolver {
  constructor(private readonly existence: CustomerExistenceService) {}

  @Query(() => [CustomerExistenceType], { description: 'Internal (feed integrity): EXISTS, ERASED, UNKNOWN or MERGED (with the survivor) per id, in request order' })
  @Directive('@inaccessible')
  customerExistence(@Arg('customerIds', () => [ID]) customerIds: string[], @Ctx() ctx: CustomersContext): Promise<CustomerExistenceType[]> {
    // Existence is itself information about a customer: only the peers' feed-integrity caller asks.
    if (!hasScope(ctx.caller, FEED_INTEGRITY_SCOPE)) throw new DomainError(ErrorCode.FORBIDDEN, `customerExistence requires the ${FEED_INTEGRITY_SCOPE} scope`);
    if (customerIds.length > MAX_EXISTENCE_IDS) throw badInput(`at most ${MAX_EXISTENCE_IDS} customers per call`);
    return this.existence.of(customerIds);
  }
}
