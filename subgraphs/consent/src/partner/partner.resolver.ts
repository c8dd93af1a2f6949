import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ConsentContext } from '../context';
import { assertConsentAdmin } from '../ledger/consent-admin';
import { RegisterPartnerInput } from './partner.input';
import { toPartnerType } from './partner.mapper';
import { PartnerService } from './partner.service';
import { PartnerType } from './partner.type';

@Resolver(() => PartnerType)
export class PartnerResolver {
  constructor(private readonly service: PartnerService) {}

  @Query(() => [PartnerType], { nullable: true, description: 'Partners by name' })
  async partners(@Arg('activeOnly', { defaultValue: false }) activeOnly: boolean): Promise<PartnerType[]> {
    return (await this.service.list(activeOnly)).map(toPartnerType);
  }

  @Query(() => PartnerType, { nullable: true })
  async partner(@Arg('id', () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<PartnerType | null> {
    const entity = await ctx.loaders.partnerById.load(id);
    return entity && toPartnerType(entity);
  }

  @Mutation(() => PartnerType, { description: 'Admin (privacy:admin): registers an active partner; CONFLICT when the id is taken' })
  async registerPartner(@Arg('input', () => RegisterPartnerInput) input: RegisterPartnerInput, @Ctx() ctx: ConsentContext): Promise<PartnerType> {
    assertConsentAdmin(ctx.caller, 'registerPartner');
    const partner = await this.service.register(input);
    ctx.loaders.partnerById.clear(partner.id);
    return toPartnerType(partner);
  }

  @Mutation(() => PartnerType, {
    description: 'Admin (privacy:admin): an inactive partner accepts no new grants and receives no personal data from the next request on, whatever it was granted; customers can still withdraw',
  })
  async setPartnerActive(@Arg('id', () => ID) id: string, @Arg('active') active: boolean, @Ctx() ctx: ConsentContext): Promise<PartnerType> {
    assertConsentAdmin(ctx.caller, 'setPartnerActive');
    const partner = await this.service.setActive(id, active);
    ctx.loaders.partnerById.clear(partner.id);
    return toPartnerType(partner);
  }
}
