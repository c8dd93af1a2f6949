import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ConsentStatus } from '../consent/consent.enums';
import { ConsentType } from '../consent/consent.type';
import type { ConsentContext } from '../context';
import { grantSatisfiesNotice } from './notice-requirement';

/** Whether a current consent still counts under the purpose's notice requirement (purposes come batched). */
@Resolver(() => ConsentType)
export class ConsentNoticeResolver {
  @FieldResolver(() => Boolean, {
    description: "True when GRANTED under a notice version at least the purpose's requiredNoticeVersion (any version when none is required); false for DENIED and WITHDRAWN",
  })
  async satisfiesCurrentNotice(@Root() consent: ConsentType, @Ctx() ctx: ConsentContext): Promise<boolean> {
    if (consent.status !== ConsentStatus.GRANTED) return false;
    const purpose = await ctx.loaders.purposeByCode.load(consent.purposeCode);
    return grantSatisfiesNotice(consent.noticeVersion, purpose?.requiredNoticeVersion);
  }
}
