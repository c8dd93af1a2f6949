import { Arg, Ctx, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { answersNotFound, isUuid, ConnectionType, PersonalData, PersonalDataCategory, RequiresScope } from '@c360/shared';
import type { CustomersContext } from '../context';
import { assertMayWriteCustomer } from '../customer/customer.lookup';
import { CustomerType } from '../customer/customer.type';
import { RecordInteractionInput } from './interaction.input';
import { toInteractionType } from './interaction.loaders';
import { InteractionService } from './interaction.service';
import { InteractionType } from './interaction.type';

@ObjectType()
export class InteractionConnection extends ConnectionType(InteractionType, 'Interaction') {}

@Resolver(() => CustomerType)
export class InteractionResolver {
  constructor(private readonly service: InteractionService) {}

  @FieldResolver(() => InteractionConnection, { nullable: true, description: 'The interaction timeline, newest first' })
  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  interactions(
    @Root() customer: CustomerType,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: CustomersContext,
  ): Promise<InteractionConnection> {
    return ctx.loaders.timelinePage.load({ parentId: customer.id, first, after });
  }

  @Mutation(() => InteractionType)
  @RequiresScope('customers:write')
  async recordInteraction(@Arg('input', () => RecordInteractionInput) input: RecordInteractionInput, @Ctx() ctx: CustomersContext): Promise<InteractionType> {
    if (isUuid(input.customerId)) await assertMayWriteCustomer(ctx, input.customerId.toLowerCase());
    // A retired id resolves to its survivor only for callers who see every customer (no alias oracle).
    return toInteractionType(await this.service.record(input, new Date(), answersNotFound(ctx) ? 'refuse' : 'follow'));
  }
}
