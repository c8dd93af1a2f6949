import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { assertUuid, badInput, isVisible, PersonalDataCategory, visibleCustomers } from '@c360/shared';
import type { CustomersContext } from '../context';
import { InterestService } from './interest.service';
import { CustomerInterestsType } from './interest.type';

const MAX_CUSTOMERS = 1000;

/** Internal contract for the offer ranking: stated and browsed categories, asked as the original caller. */
@Resolver()
export class InterestResolver {
  constructor(private readonly service: InterestService) {}

  /**
   * Interests are derived from the interaction timeline, so they pass the same per-customer
   * BEHAVIOURAL decision as Customer.interactions, for customers the caller may see at all.
   */
  @Query(() => [CustomerInterestsType], { description: "Each customer's stated and browsed categories (last 90 days), in request order" })
  @Directive('@inaccessible')
  async customerInterests(@Arg('customerIds', () => [ID]) customerIds: string[], @Ctx() ctx: CustomersContext): Promise<CustomerInterestsType[]> {
    if (customerIds.length > MAX_CUSTOMERS) throw badInput(`at most ${MAX_CUSTOMERS} customers per call`, { argument: 'customerIds' });
    const ids = customerIds.map((id) => assertUuid(id, 'customerIds').toLowerCase());
    const visibility = await visibleCustomers(ctx);
    return this.service.of(ids, (batch) =>
      Promise.all(batch.map(async (id) => isVisible(visibility, id) && (await ctx.consent.decide(id, PersonalDataCategory.BEHAVIOURAL)).allowed)),
    );
  }
}
