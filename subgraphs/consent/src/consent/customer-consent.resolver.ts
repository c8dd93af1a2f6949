import { Arg, Ctx, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { ConnectionType, RequiresScope } from '@c360/shared';
import type { ConsentContext } from '../context';
import { toConsentType } from './consent.mapper';
import { ConsentEventType, ConsentType } from './consent.type';
import { CustomerRef } from './customer.ref';

@ObjectType()
export class ConsentEventConnection extends ConnectionType(ConsentEventType, 'ConsentEvent') {}

/** The consent fields of Customer; the representation from the gateway is the root, so no SQL for the customer itself. */
@Resolver(() => CustomerRef)
export class CustomerConsentResolver {
  @RequiresScope('consent:read')
  @FieldResolver(() => [ConsentType], { description: 'Current consent per purpose (and partner): the latest ledger event wins' })
  async consents(@Root() customer: CustomerRef, @Ctx() ctx: ConsentContext): Promise<ConsentType[]> {
    return (await ctx.loaders.currentConsents.load(customer.id.toLowerCase())).map(toConsentType);
  }

  @RequiresScope('consent:read')
  @FieldResolver(() => ConsentEventConnection, { description: 'Every consent ledger event of the customer, newest first' })
  consentHistory(
    @Root() customer: CustomerRef,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<ConsentEventConnection> {
    return ctx.loaders.consentHistoryPage.load({ parentId: customer.id.toLowerCase(), first, after });
  }
}
