import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PrivacyBudgetType } from '@c360/shared';

export enum SurveyGroup {
  SEGMENT = 'SEGMENT',
  CAMPAIGN = 'CAMPAIGN',
}

registerEnumType(SurveyGroup, {
  name: 'SurveyGroup',
  description: 'SEGMENT: current members of each segment; CAMPAIGN: answers naming the campaign in attributes.campaignId',
});

@ObjectType('SurveySummary', { description: "NPS-style tally of 0–10 answers (ACTIVE interactions): each respondent's latest answer in the window counts once" })
export class SurveySummaryType {
  @Field({ description: 'The segment id (SEGMENT) or campaign id (CAMPAIGN)' })
  key: string;

  @Field(() => String, { nullable: true, description: 'The segment name (SEGMENT)' })
  name: string | null;

  @Field(() => Int)
  respondents: number;

  @Field(() => Int, { description: 'Answers of 9 or 10' })
  promoters: number;

  @Field(() => Int, { description: 'Answers of 7 or 8' })
  passives: number;

  @Field(() => Int, { description: 'Answers of 0 to 6' })
  detractors: number;

  @Field(() => Float, { nullable: true, description: '% promoters − % detractors (−100 to 100); null without respondents' })
  nps: number | null;
}

@ObjectType('SurveySummaryAggregate', {
  description: 'Noisy survey tallies per group for BI, over customers whose consent covers analytics (and PROFILING for segments); groups under minimumGroupSize respondents are left out',
})
export class SurveySummaryAggregateType {
  @Field(() => SurveyGroup)
  groupBy: SurveyGroup;

  @Field(() => Int)
  minimumGroupSize: number;

  @Field(() => Int, { description: 'Groups left out for a true or noisy respondent count under minimumGroupSize' })
  suppressedGroups: number;

  @Field(() => [SurveySummaryType])
  groups: SurveySummaryType[];

  @Field(() => Float, { description: 'ε this query spent' })
  epsilon: number;

  @Field(() => PrivacyBudgetType)
  privacyBudget: PrivacyBudgetType;
}
