import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, ConnectionType, PersonalData, PersonalDataCategory, RequiresScope, answersNotFound, selectsField, visibleCustomers, isVisible } from '@c360/shared';
import type { CustomersContext } from '../context';
import { customerNotFound, externalIdNotFound } from './customer.errors';
import { identityReleased } from './identity-release';
import { releasesFor } from './customer-filter.privacy';
import { CreateCustomerInput, CustomerFilter, UpdateCustomerInput } from './customer.input';
import { toCustomerType } from './customer.mapper';
import { assertMayCreateCustomers, assertMayWriteCustomer, findVisibleCustomer } from './customer.lookup';
import { CustomerService } from './customer.service';
import { CustomerType, ExternalId } from './customer.type';

@ObjectType()
export class CustomerConnection extends ConnectionType(CustomerType, 'Customer') {}

@Resolver(() => CustomerType)
export class CustomerResolver {
  constructor(private readonly service: CustomerService) {}

  @Query(() => CustomerType, { nullable: true, description: 'A customer by id; null when there is none' })
  @RequiresScope('customers:read')
  async customer(@Arg('id', () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<CustomerType | null> {
    const entity = await findVisibleCustomer(ctx, assertUuid(id));
    return entity && toCustomerType(entity);
  }

  @Query(() => CustomerType, {
    nullable: true,
    description: "A customer by a source system's id; null (NOT_FOUND for partner and self-service callers) when none holds it, or when the holder's IDENTITY is not released to the caller's purpose",
  })
  @RequiresScope('customers:read')
  async customerByExternalId(
    @Arg('system') system: string,
    @Arg('id') externalId: string,
    @Arg('followMerges', () => Boolean, {
      defaultValue: true,
      description: 'false: an external id a standing merge moved here from the profile it retired finds nobody (the sign-in: a retired profile\'s credential never signs in as the survivor); internal callers only',
    })
    followMerges: boolean,
    @Ctx() ctx: CustomersContext,
  ): Promise<CustomerType | null> {
    // Refused (followMerges: false, not an internal caller) before visibility is asked.
    const holder = this.service.holderOfExternalId(ctx.caller, ctx.loaders, system, externalId, followMerges);
    // Who the caller may see is asked whether or not anyone holds the id, so a hidden holder costs the same
    // calls (and time) as a missing one.
    const [found, visibility] = await Promise.all([holder, visibleCustomers(ctx)]);
    // Hidden answers exactly like missing: decided before loading, and never through the internal id.
    const id = found && isVisible(visibility, found) ? found : null;
    // An identifier says who holds it: only where IDENTITY is released (asked for a missing holder too).
    const entity = (await identityReleased(ctx, id)) ? await ctx.loaders.customerById.load(id!) : null;
    if (!entity && answersNotFound(ctx)) throw externalIdNotFound();
    return entity && toCustomerType(entity);
  }

  @Query(() => CustomerConnection, { nullable: true })
  @RequiresScope('customers:read')
  async customers(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter: CustomerFilter | null,
    @Ctx() ctx: CustomersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CustomerConnection> {
    const [visibility, releases] = await Promise.all([visibleCustomers(ctx), releasesFor(ctx, filter)]);
    return this.service.list(first, after, filter, visibility, selectsField(info, 'totalCount'), releases);
  }

  @FieldResolver(() => [ExternalId], { nullable: true })
  @PersonalData(PersonalDataCategory.IDENTITY)
  externalIds(@Root() customer: CustomerType, @Ctx() ctx: CustomersContext): Promise<ExternalId[]> {
    return ctx.loaders.externalIdsByCustomer.load(customer.id);
  }

  @Mutation(() => CustomerType)
  @RequiresScope('customers:write')
  async createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: CustomersContext): Promise<CustomerType> {
    assertMayCreateCustomers(ctx);
    return this.loadAfterWrite(await this.service.create(input), ctx);
  }

  @Mutation(() => CustomerType)
  @RequiresScope('customers:write')
  async updateCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput,
    @Ctx() ctx: CustomersContext,
  ): Promise<CustomerType> {
    const customerId = assertUuid(id);
    await assertMayWriteCustomer(ctx, customerId);
    return this.loadAfterWrite(await this.service.update(customerId, input, new Date(), ctx.caller), ctx);
  }

  private async loadAfterWrite(id: string, ctx: CustomersContext): Promise<CustomerType> {
    ctx.loaders.customerById.clear(id);
    ctx.loaders.externalIdsByCustomer.clear(id);
    const entity = await ctx.loaders.customerById.load(id);
    if (!entity) throw customerNotFound(id);
    return toCustomerType(entity);
  }
}
