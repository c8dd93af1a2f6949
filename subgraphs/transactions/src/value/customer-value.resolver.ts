import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonalData, PersonalDataCategory, RequiresScope } from '@c360/shared';
import { assertUuid } from '@c360/shared';
import type { TransactionsContext } from '../context';
import { CustomerRef } from '../customer/customer.type';
import { CustomerValueType } from './customer-value.type';

/** Adds the value analysis to the customers subgraph's Customer. */
@Resolver(() => CustomerRef)
export class CustomerValueResolver {
  @RequiresScope('orders:read')
  @PersonalData(PersonalDataCategory.FINANCIAL)
  @FieldResolver(() => CustomerValueType, { nullable: true, description: 'RFM, lifetime value, churn risk and lifecycle stage; a prospect gets zeros and PROSPECT' })
  value(@Root() customer: CustomerRef, @Ctx() ctx: TransactionsContext): Promise<CustomerValueType> {
    return ctx.loaders.customerValue.load(assertUuid(customer.id));
  }
}
