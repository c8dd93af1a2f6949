import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { assertUuid, PersonalDataCategory, badInput } from '@c360/shared';
import type { ConsentContext } from '../context';
import { ConsentDecisionService } from './decision.service';
import { ConsentAudienceType, ConsentCategoryAudienceType, ConsentDecisionRequestInput, ConsentDecisionType, ConsentStandingDecisionType } from './decision.type';

const MAX_REQUESTS = 10_000;

/** Decisions for the other subgraphs' guarded fields, asked as the original caller. */
@Resolver()
export class DecisionResolver {
  constructor(private readonly decisions: ConsentDecisionService) {}

  @Query(() => [ConsentDecisionType])
  @Directive('@inaccessible')
  async consentDecisions(@Arg('requests', () => [ConsentDecisionRequestInput]) requests: ConsentDecisionRequestInput[], @Ctx() ctx: ConsentContext): Promise<ConsentDecisionType[]> {
    if (requests.length > MAX_REQUESTS) throw badInput(`at most ${MAX_REQUESTS} decisions per call`);
    const parsed = requests.map((r) => {
      if (!Object.values(PersonalDataCategory).includes(r.category as PersonalDataCategory)) throw badInput(`unknown data category ${r.category}`);
      return { customerId: assertUuid(r.customerId, 'customerId'), category: r.category as PersonalDataCategory };
    });
    const decisions = await this.decisions.decide(ctx.caller, parsed);
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
