import { badInput, type AggregateReleaseSetup, type Caller } from '@c360/shared';
import type { SegmentRepository } from '../segment/segment.repository';
import type { SurveyGroupRow, SurveyScope, SurveySummaryRepository } from './survey-summary.repository';
import { SurveyGroup, type SurveySummaryAggregateType, type SurveySummaryType } from './survey-summary.type';

const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const DAY_MS = 86_400_000;

/** Validated scope of a summary; errors name the argument, never its value. */
export function surveyScope(attributeKey: string, withinDays: number, population: readonly string[] | null, now = new Date()): SurveyScope {
  if (!ATTRIBUTE_KEY.test(attributeKey)) throw badInput('attributeKey is 1 to 64 letters, digits or underscores, starting with a letter', { argument: 'attributeKey' });
  if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > 3650) throw badInput('withinDays must be 1 to 3650', { argument: 'withinDays' });
  return { attributeKey, since: new Date(now.getTime() - withinDays * DAY_MS), population };
}

const nps = (promoters: number, detractors: number, respondents: number) => (respondents > 0 ? Math.round(((promoters - detractors) / respondents) * 1000) / 10 : null);

const toSummary = (row: SurveyGroupRow, name: string | null): SurveySummaryType => {
  const respondents = row.promoters + row.passives + row.detractors;
  return { key: row.key, name, respondents, promoters: row.promoters, passives: row.passives, detractors: row.detractors, nps: nps(row.promoters, row.detractors, respondents) };
};

const empty = (key: string, name: string | null): SurveySummaryType => toSummary({ key, promoters: 0, passives: 0, detractors: 0 }, name);

export class SurveySummaryService {
  constructor(
    private readonly surveys: SurveySummaryRepository,
    private readonly segments: SegmentRepository,
    private readonly release: AggregateReleaseSetup,
  ) {}

  /** Staff: exact tallies over the customers `scope.population` lets the reader see. */
  async forSegment(segmentId: string, name: string, scope: SurveyScope): Promise<SurveySummaryType> {
    const [row] = await this.surveys.bySegment(scope, [segmentId]);
    return row ? toSummary(row, name) : empty(segmentId, name);
  }

  async forCampaign(campaignId: string, scope: SurveyScope): Promise<SurveySummaryType> {
    const [row] = await this.surveys.byCampaign(scope, [campaignId]);
    return row ? toSummary(row, null) : empty(campaignId.toLowerCase(), null);
  }

  /**
   * BI: the aggregate release policy (README "BI and aggregates"): each tally gets noise, a group
   * is shown only when its true and noisy respondent counts reach k, and the query spends budget.
   */
  async aggregate(caller: Caller, groupBy: SurveyGroup, scope: SurveyScope): Promise<SurveySummaryAggregateType> {
    const { policy, budget } = this.release;
    const privacyBudget = await budget.spend(caller);
    const maxGroups = policy.settings.maxGroupsPerCustomer;
    const bySegment = groupBy === SurveyGroup.SEGMENT;
    const rows = bySegment ? await this.surveys.bySegment(scope, null, maxGroups) : await this.surveys.byCampaign(scope, null, maxGroups);
    const names = bySegment && rows.length ? new Map((await this.segments.findByIds(rows.map((r) => r.key))).map((s) => [s.id, s.name])) : new Map<string, string>();
    // Three measures per group; a customer is one of them in each group it counts in (at most maxGroups segments or campaigns).
    const release = policy.release(3);
    const contribution = { groups: maxGroups, perGroup: 1 };
    const noisy = rows.map((r) => ({
      exact: r.promoters + r.passives + r.detractors,
      row: { key: r.key, promoters: release.count(r.promoters, contribution), passives: release.count(r.passives, contribution), detractors: release.count(r.detractors, contribution) },
    }));
    const shown = noisy.filter((g) => release.releasable(g.exact, g.row.promoters + g.row.passives + g.row.detractors));
    return {
      groupBy,
      minimumGroupSize: policy.minimumGroupSize,
      suppressedGroups: noisy.length - shown.length,
      groups: shown.map((g) => toSummary(g.row, names.get(g.row.key) ?? null)),
      epsilon: policy.settings.epsilonPerQuery,
      privacyBudget,
    };
  }
}
