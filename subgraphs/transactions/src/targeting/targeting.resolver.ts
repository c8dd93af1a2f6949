import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { assertUuid, badInput } from '@c360/shared';
import type { TransactionsContext } from '../context';
import { TargetingService } from './targeting.service';
import { OfferTargetingFactsType } from './targeting.type';

const MAX_CUSTOMERS = 1000;
const MAX_SKUS = 2000;

/** The offers subgraph's eligibility engine asks here (as the original caller) for facts it may not read from our tables. */
@Resolver()
export class TargetingResolver {
  constructor(private readonly service: TargetingService) {}

  @Query(() => OfferTargetingFactsType)
  @Directive('@inaccessible')
  offerTargetingFacts(
    @Arg('customerIds', () => [ID]) customerIds: string[],
    @Arg('skus', () => [String]) skus: string[],
    @Arg('withCoPurchases', () => Boolean, { defaultValue: false }) withCoPurchases: boolean,
    @Arg('alsoBoughtIn', () => [String], { nullable: true, description: 'Only co-purchase pairs whose alsoBought is one of these skus, the ones the live COLLABORATIVE offers can offer; null: any' })
    alsoBoughtIn: string[] | null | undefined,
    @Arg('alsoBoughtInStock', () => Boolean, { defaultValue: false, description: 'Only co-purchase pairs whose alsoBought is in stock' }) alsoBoughtInStock: boolean,
    @Ctx() ctx: TransactionsContext,
  ): Promise<OfferTargetingFactsType> {
    if (customerIds.length > MAX_CUSTOMERS) throw badInput(`at most ${MAX_CUSTOMERS} customers per call`, { argument: 'customerIds' });
    if (skus.length > MAX_SKUS) throw badInput(`at most ${MAX_SKUS} skus per call`, { argument: 'skus' });
    if ((alsoBoughtIn?.length ?? 0) > MAX_SKUS) throw badInput(`at most ${MAX_SKUS} skus per call`, { argument: 'alsoBoughtIn' });
    const ids = [...new Set(customerIds.map((id) => assertUuid(id, 'customerIds')))];
    return this.service.facts({ customerIds: ids, skus: [...new Set(skus)], withCoPurchases, coPurchases: { alsoBoughtIn: alsoBoughtIn ? [...new Set(alsoBoughtIn)] : null, inStockOnly: alsoBoughtInStock } }, async (batch) => {
      const withheld = await ctx.loaders.valueWithheld.loadMany(batch);
      return withheld.map((w) => w !== false); // a failed decision withholds (fail closed)
    });
  }
}
