import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { ConsentContext } from '../context';
import { toPartnerType } from './partner.mapper';
import { PartnerService } from './partner.service';
import { PartnerType } from './partner.type';

@Resolver(() => PartnerType)
export class PartnerResolver {
  constructor(private readonly service: PartnerService) {}

  @Query(() => [PartnerType], { description: 'Partners by name' })
  async partners(@Arg('activeOnly', { defaultValue: false }) activeOnly: boolean): Promise<PartnerType[]> {
    return (await this.service.list(activeOnly)).map(toPartnerType);
  }

  @Query(() => PartnerType, { nullable: true })
  async partner(@Arg('id', () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<PartnerType | null> {
    const entity = await ctx.loaders.partnerById.load(id);
    return entity && toPartnerType(entity);
  }
}
