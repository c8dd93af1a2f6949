import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { ConsentContext } from '../context';
import { toPartnerType } from '../partner/partner.mapper';
import { PartnerType } from '../partner/partner.type';
import { toPurposeType } from '../purpose/purpose.mapper';
import { PurposeType } from '../purpose/purpose.type';
import { ConsentEventType, ConsentType, type ConsentRefs } from './consent.type';

/** Purpose and partner of a ledger row, through the per-request loaders (one statement per batch). */
function consentRefsResolver(type: ClassType<ConsentRefs>) {
  @Resolver(() => type)
  class ConsentRefsResolver {
    @FieldResolver(() => PurposeType)
    async purpose(@Root() row: ConsentRefs, @Ctx() ctx: ConsentContext): Promise<PurposeType> {
      const purpose = await ctx.loaders.purposeByCode.load(row.purposeCode);
      if (!purpose) throw new Error(`ledger references missing purpose ${row.purposeCode}`); // the foreign key makes this unreachable
      return toPurposeType(purpose);
    }

    @FieldResolver(() => PartnerType, { nullable: true, description: 'The partner this consent names; null for purposes without one' })
    async partner(@Root() row: ConsentRefs, @Ctx() ctx: ConsentContext): Promise<PartnerType | null> {
      if (!row.partnerId) return null;
      const partner = await ctx.loaders.partnerById.load(row.partnerId);
      return partner && toPartnerType(partner);
    }
  }
  return ConsentRefsResolver;
}

export const ConsentStateRefsResolver = consentRefsResolver(ConsentType);
export const ConsentEventRefsResolver = consentRefsResolver(ConsentEventType);
