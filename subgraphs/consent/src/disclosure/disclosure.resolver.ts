import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ConnectionType, SEQ_CURSOR, createChildPageLoader, type PersonalDataCategory } from '@c360/shared';
import type { ConsentContext } from '../context';
import { CustomerRef } from '../consent/customer.ref';
import { PartnerType } from '../partner/partner.type';
import { toPartnerType } from '../partner/partner.mapper';
import type { DisclosureRepository, DisclosureRow } from './disclosure.repository';
import { DisclosureLedger } from './disclosure.service';
import { DisclosureInput, DisclosureType } from './disclosure.type';

@ObjectType()
export class DisclosureConnection extends ConnectionType(DisclosureType, 'Disclosure') {}

export function createDisclosureLoaders(disclosures: DisclosureRepository) {
  return {
    disclosurePage: createChildPageLoader<DisclosureRow, DisclosureType>({
      fetch: (customerIds, size, after) => disclosures.pages(customerIds, size, after),
      parentOf: (row) => row.customerId,
      cursorKeyOf: (row) => [row.seq],
      cursorShape: SEQ_CURSOR,
      cursorList: 'Customer.disclosures',
      toNode: (row) => ({ ...row }),
    }),
  };
}

export type DisclosureLoaders = ReturnType<typeof createDisclosureLoaders>;

@Resolver(() => CustomerRef)
export class CustomerDisclosuresResolver {
  constructor(private readonly ledger: DisclosureLedger) {}

  @FieldResolver(() => DisclosureConnection, { description: "Releases of this customer's personal data to partners, newest first (the customer themself, or privacy:admin)" })
  disclosures(
    @Root() customer: CustomerRef,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<DisclosureConnection> {
    const customerId = customer.id.toLowerCase();
    this.ledger.assertMayRead(ctx.caller, customerId);
    return ctx.loaders.disclosurePage.load({ parentId: customerId, first, after });
  }

  @Mutation(() => Int, { description: 'Internal: subgraphs append what they released to a partner' })
  @Directive('@inaccessible')
  async recordDisclosures(
    @Arg('subgraph') subgraph: string,
    @Arg('disclosures', () => [DisclosureInput]) disclosures: DisclosureInput[],
    @Ctx() ctx: ConsentContext,
  ): Promise<number> {
    await this.ledger.record(ctx.caller, subgraph, disclosures.map((d) => ({ ...d, categories: d.categories as PersonalDataCategory[] })));
    return disclosures.length;
  }
}

@Resolver(() => DisclosureType)
export class DisclosurePartnerResolver {
  @FieldResolver(() => PartnerType, { nullable: true })
  async partner(@Root() disclosure: DisclosureType, @Ctx() ctx: ConsentContext): Promise<PartnerType | null> {
    if (!disclosure.partnerId) return null;
    const entity = await ctx.loaders.partnerById.load(disclosure.partnerId);
    return entity && toPartnerType(entity);
  }
}
