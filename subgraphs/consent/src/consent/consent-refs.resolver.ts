import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root, type ClassType } from 'type-graphql';
import { selectsOnly } from '@c360/shared';
import type { ConsentContext } from '../context';
import { toPartnerType } from '../partner/partner.mapper';
import { PartnerType } from '../partner/partner.type';
import { toPurposeType } from '../purpose/purpose.mapper';
import { PurposeType } from '../purpose/purpose.type';
import { ConsentEventType, ConsentType, type ConsentRefs } from './consent.type';

/**
 * Purpose and partner of a ledger row, through the per-request loaders (one statement per batch).
 * When only the key is selected (`purpose { code }`, `partner { id }`), the row already holds it:
 * no lookup (the ledger's foreign keys guarantee the referenced rows exist).
 */
function consentRefsResolver(type: ClassType<ConsentRefs>) {
  @Resolver(() => type)
  class ConsentRefsResolver {
    @FieldResolver(() => PurposeType)
    async purpose(@Root() row: ConsentRefs, @Ctx() ctx: ConsentContext, @Info() info: GraphQLResolveInfo): Promise<PurposeType> {
      if (selectsOnly(info, ['code'])) return { code: row.purposeCode } as PurposeType;
      const purpose = await ctx.loaders.purposeByCode.load(row.purposeCode);
      if (!purpose) throw new Error(`ledger references missing purpose ${row.purposeCode}`); // the foreign key makes this unreachable
      return toPurposeType(purpose);
    }

    @FieldResolver(() => PartnerType, { nullable: true, description: 'The partner this consent names; null for purposes without one' })
    async partner(@Root() row: ConsentRefs, @Ctx() ctx: ConsentContext, @Info() info: GraphQLResolveInfo): Promise<PartnerType | null> {
      if (!row.partnerId) return null;
      if (selectsOnly(info, ['id'])) return { id: row.partnerId } as PartnerType;
      const partner = await ctx.loaders.partnerById.load(row.partnerId);
      return partner && toPartnerType(partner);
    }
  }
  return ConsentRefsResolver;
}

export const ConsentStateRefsResolver = consentRefsResolver(ConsentType);
export const ConsentEventRefsResolver = consentRefsResolver(ConsentEventType);
