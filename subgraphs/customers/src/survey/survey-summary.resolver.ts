import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { analyticsPopulation, assertMayReadExactSize, assertUuid, categoryNotCovered, PersonalDataCategory, profilingPopulation, releasedSet, RequiresScope } from '@c360/shared';
import type { CustomersContext } from '../context';
import { readerGate } from '../segment/segment-reader-gate';
import type { SegmentRule } from '../segment/segment-rule';
import { SegmentType } from '../segment/segment.type';
import { SurveySummaryService, surveyScope } from './survey-summary.service';
import { SurveyGroup, SurveySummaryAggregateType, SurveySummaryType } from './survey-summary.type';

const intersect = (a: readonly string[] | null, b: readonly string[] | null) => (a === null ? b : b === null ? a : a.filter((id) => new Set(b).has(id)));

/** Survey answers are BEHAVIOURAL: a staff reader's tally counts only customers whose BEHAVIOURAL data is released to it. */
async function behaviouralPopulation(ctx: CustomersContext): Promise<readonly string[] | null> {
  const audience = (await ctx.consent.categoryAudiences([PersonalDataCategory.BEHAVIOURAL])).get(PersonalDataCategory.BEHAVIOURAL)!;
  if (!audience.covered) throw categoryNotCovered(PersonalDataCategory.BEHAVIOURAL, ctx.caller.purpose, 'A survey summary');
  return releasedSet(audience);
}

@Resolver(() => SegmentType)
export class SurveySummaryResolver {
  constructor(private readonly service: SurveySummaryService) {}

  @FieldResolver(() => SurveySummaryType, {
    nullable: true,
    description: "Staff only: NPS tally of the members (released to the reader) over a 0–10 attribute of their ACTIVE interactions; null with FORBIDDEN when the reader's purpose never releases a category the rule reads",
  })
  async surveySummary(
    @Root() segment: SegmentType,
    @Arg('attributeKey', () => String, { defaultValue: 'nps' }) attributeKey: string,
    @Arg('withinDays', () => Int, { defaultValue: 90 }) withinDays: number,
    @Ctx() ctx: CustomersContext,
  ): Promise<SurveySummaryType> {
    assertMayReadExactSize(ctx.caller, 'Segment.surveySummary');
    const [members, behavioural] = await Promise.all([readerGate(ctx, segment.rule as unknown as SegmentRule), behaviouralPopulation(ctx)]);
    return this.service.forSegment(segment.id, segment.name, surveyScope(attributeKey, withinDays, intersect(members, behavioural)));
  }

  @Query(() => SurveySummaryType, { description: 'Staff only: NPS tally of the answers naming this campaign (attributes.campaignId), over customers whose BEHAVIOURAL data is released to the reader' })
  @RequiresScope('customers:read')
  async campaignSurveySummary(
    @Arg('campaignId', () => ID) campaignId: string,
    @Arg('attributeKey', () => String, { defaultValue: 'nps' }) attributeKey: string,
    @Arg('withinDays', () => Int, { defaultValue: 90 }) withinDays: number,
    @Ctx() ctx: CustomersContext,
  ): Promise<SurveySummaryType> {
    assertMayReadExactSize(ctx.caller, 'campaignSurveySummary');
    const id = assertUuid(campaignId, 'campaignId');
    return this.service.forCampaign(id, surveyScope(attributeKey, withinDays, await behaviouralPopulation(ctx)));
  }

  @Query(() => SurveySummaryAggregateType, { description: "BI: noisy NPS tallies per segment or campaign (groups under k suppressed); spends from the caller's customerCounts budget" })
  @RequiresScope('analytics:read')
  async surveySummaries(
    @Arg('groupBy', () => SurveyGroup) groupBy: SurveyGroup,
    @Arg('attributeKey', () => String, { defaultValue: 'nps' }) attributeKey: string,
    @Arg('withinDays', () => Int, { defaultValue: 90 }) withinDays: number,
    @Ctx() ctx: CustomersContext,
  ): Promise<SurveySummaryAggregateType> {
    // Grouping by segment is grouping by a profile: only customers who consented to PROFILING as well.
    const [population, profiled] = await Promise.all([analyticsPopulation(ctx), groupBy === SurveyGroup.SEGMENT ? profilingPopulation(ctx) : null]);
    return this.service.aggregate(ctx.caller, groupBy, surveyScope(attributeKey, withinDays, intersect(population, profiled)));
  }
}
