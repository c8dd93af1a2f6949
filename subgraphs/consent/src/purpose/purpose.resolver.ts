import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequiresScope } from '@c360/shared';
import type { ConsentContext } from '../context';
import { assertConsentAdmin } from '../ledger/consent-admin';
import { NoticeType } from './notice.type';
import { DefinePurposeInput, PublishNoticeInput } from './purpose.input';
import { toNoticeType, toPurposeType } from './purpose.mapper';
import { PurposeService } from './purpose.service';
import { PurposeType } from './purpose.type';

@Resolver(() => PurposeType)
export class PurposeResolver {
  constructor(private readonly service: PurposeService) {}

  @Query(() => [PurposeType], { nullable: true, description: 'Every processing purpose, by code' })
  async purposes(): Promise<PurposeType[]> {
    return (await this.service.list()).map(toPurposeType);
  }

  @Query(() => PurposeType, { nullable: true })
  async purpose(@Arg('code') code: string, @Ctx() ctx: ConsentContext): Promise<PurposeType | null> {
    const entity = await ctx.loaders.purposeByCode.load(code);
    return entity && toPurposeType(entity);
  }

  @FieldResolver(() => NoticeType, { nullable: true, description: 'The latest published notice; null when none was published' })
  async currentNotice(@Root() purpose: PurposeType, @Ctx() ctx: ConsentContext): Promise<NoticeType | null> {
    const [latest] = await ctx.loaders.noticesByPurpose.load(purpose.code);
    return latest ? toNoticeType(latest) : null;
  }

  @FieldResolver(() => [NoticeType], { description: 'Every published notice version, newest first' })
  async notices(@Root() purpose: PurposeType, @Ctx() ctx: ConsentContext): Promise<NoticeType[]> {
    return (await ctx.loaders.noticesByPurpose.load(purpose.code)).map(toNoticeType);
  }

  @Mutation(() => PurposeType, {
    description:
      'Admin (privacy:admin): adds a purpose callers can declare; CONFLICT when the code is taken. Processes that cached an unknown-purpose answer learn it within 30 s',
  })
  async definePurpose(@Arg('input', () => DefinePurposeInput) input: DefinePurposeInput, @Ctx() ctx: ConsentContext): Promise<PurposeType> {
    assertConsentAdmin(ctx.caller, 'definePurpose');
    const purpose = await this.service.define(input);
    ctx.loaders.purposeByCode.clear(purpose.code);
    return toPurposeType(purpose);
  }

  @RequiresScope('privacy:admin')
  @Mutation(() => NoticeType, { description: 'Publishes the next notice version of a purpose; new grants default to it' })
  async publishNotice(@Arg('input', () => PublishNoticeInput) input: PublishNoticeInput, @Ctx() ctx: ConsentContext): Promise<NoticeType> {
    const notice = await this.service.publishNotice(input);
    ctx.loaders.noticesByPurpose.clear(notice.purposeCode);
    return toNoticeType(notice);
  }

  @Mutation(() => PurposeType, { description: 'Admin (privacy:admin): grants under an older notice than `version` stop satisfying the purpose; null lifts the requirement' })
  async requireNoticeVersion(
    @Arg('purposeCode') purposeCode: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<PurposeType> {
    assertConsentAdmin(ctx.caller, 'requireNoticeVersion');
    const purpose = await this.service.requireNoticeVersion(purposeCode, version);
    ctx.loaders.purposeByCode.clear(purpose.code);
    return toPurposeType(purpose);
  }
}
