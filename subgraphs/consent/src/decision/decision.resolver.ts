import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { assertUuid, CallerKind, DomainError, ErrorCode, PersonalDataCategory, badInput } from '@c360/shared';
import type { ConsentContext } from '../context';
import { ConsentDecisionService } from './decision.service';
import { unknownCategory } from './decision.errors';
import {
  ConsentAudienceType,
  ConsentCategoryAudienceType,
  ConsentDecisionRequestInput,
  ConsentDecisionType,
  ConsentPurposeDecisionRequestInput,
  ConsentPurposeDecisionType,
  ConsentStandingDecisionType,
} from './decision.type';

const MAX_REQUESTS = 10_000;

function parseRequest(r: ConsentDecisionRequestInput): { customerId: string; category: PersonalDataCategory } {
  if (!Object.values(PersonalDataCategory).includes(r.category as PersonalDataCategory)) throw unknownCategory('category');
  return { customerId: assertUuid(r.customerId, 'customerId'), category: r.category as PersonalDataCategory };
}

/** Decisions for the other subgraphs' guarded fields, asked as the original caller. */
@Resolver()
export class DecisionResolver {
  constructor(private readonly decisions: ConsentDecisionService) {}

  @Query(() => [ConsentDecisionType])
  @Directive('@inaccessible')
  async consentDecisions(@Arg('requests', () => [ConsentDecisionRequestInput]) requests: ConsentDecisionRequestInput[], @Ctx() ctx: ConsentContext): Promise<ConsentDecisionType[]> {
    if (requests.length > MAX_REQUESTS) throw badInput(`at most ${MAX_REQUESTS} decisions per call`);
    const decisions = await this.decisions.decide(ctx.caller, requests.map(parseRequest));
    return decisions.map((d) => ({ ...d, consentRecordId: d.consentRecordId ?? null }));
  }

  /** Several purposes' purpose-only decisions in one exchange (a subgraph's MARKETING and PERSONALISATION asks of one request). */
  @Query(() => [ConsentPurposeDecisionType])
  @Directive('@inaccessible')
  async consentPurposeDecisions(
    @Arg('requests', () => [ConsentPurposeDecisionRequestInput]) requests: ConsentPurposeDecisionRequestInput[],
    @Ctx() ctx: ConsentContext,
  ): Promise<ConsentPurposeDecisionType[]> {
    // Peers ask these as an internal app; no other kind of caller has a reason to.
    if (ctx.caller.kind !== CallerKind.INTERNAL_APP) throw new DomainError(ErrorCode.FORBIDDEN, 'Purpose decisions are answered to internal apps only');
    if (requests.length > MAX_REQUESTS) throw badInput(`at most ${MAX_REQUESTS} decisions per call`);
    const parsed = requests.map((r) => ({ ...parseRequest(r), purpose: r.purpose }));
    const decisions = await this.decisions.decideAcrossPurposes(ctx.caller.clientId, parsed);
    return decisions.map((d) => ({ ...d, consentRecordId: d.consentRecordId ?? null }));
  }

  @Query(() => ConsentAudienceType)
  @Directive('@inaccessible')
  consentAudience(@Ctx() ctx: ConsentContext): Promise<ConsentAudienceType> {
    return this.decisions.audience(ctx.caller);
  }

  @Query(() => [ConsentCategoryAudienceType])
  @Directive('@inaccessible')
  async consentCategoryAudiences(@Arg('categories', () => [String]) categories: string[], @Ctx() ctx: ConsentContext): Promise<ConsentCategoryAudienceType[]> {
    const known = Object.values(PersonalDataCategory) as string[];
    if (categories.length > known.length || categories.some((c) => !known.includes(c))) throw badInput('categories must be distinct PersonalDataCategory names');
    return this.decisions.categoryAudiences(ctx.caller, [...new Set(categories)] as PersonalDataCategory[]);
  }

  @Query(() => ConsentStandingDecisionType)
  @Directive('@inaccessible')
  async consentStandingDecision(@Ctx() ctx: ConsentContext): Promise<ConsentStandingDecisionType> {
    const standing = await this.decisions.standing(ctx.caller);
    return { ...standing, allowedCategories: [...standing.allowedCategories] };
  }
}
