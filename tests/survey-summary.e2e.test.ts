import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { noNoise, storageLabel } from '@c360/shared/testing';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const TALLY = 'key name respondents promoters passives detractors nps';
const BI_SUMMARIES = `query($groupBy: SurveyGroup!) { surveySummaries(groupBy: $groupBy, attributeKey: "score") { minimumGroupSize suppressedGroups groups { ${TALLY} } } }`;

/** Issue 14 §2: an NPS summary per segment and per campaign, exact for staff, through the aggregate release policy for BI. */
describe(`survey summaries on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let bi: Record<string, string>;
  let segmentId: string;
  const big = randomUUID();
  const small = randomUUID();
  let k: number;
  const ask = (source: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal) =>
    postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, parse(source), variables, headers); // eslint-disable-line @typescript-eslint/no-explicit-any
  const ok = async (source: string, variables: Record<string, unknown>, headers?: Record<string, string>) => {
    const r = await ask(source, variables, headers);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const respondent = async (score: number, campaignId: string) => {
    const input = { givenName: 'Survey', familyName: 'Taker', email: `taker-${randomUUID()}@example.com`, acquisitionChannel: 'WEB' };
    const id: string = (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input })).createCustomer.id;
    for (const purposeCode of ['ANALYTICS', 'PROFILING']) await ok('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }', { input: { customerId: id, purposeCode, channel: 'WEB' } });
    // An earlier answer is superseded by the latest one.
    for (const value of [0, score]) {
      await ok('mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }', { input: { customerId: id, channel: 'EMAIL', kind: 'ACTIVE', type: 'SURVEY_ANSWER', attributes: { score: value, campaignId } } });
    }
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 5, customers: 3 }, aggregateNoise: noNoise });
    bi = await platform.tokens.headers(CallerKind.BI);
    k = (await ok(BI_SUMMARIES, { groupBy: 'CAMPAIGN' }, bi)).surveySummaries.minimumGroupSize;
    segmentId = (await ok('mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }', { input: { name: 'Answered a survey', rule: { condition: { field: 'INTERACTION_TYPE', operator: 'EQ', values: ['SURVEY_ANSWER'] } } } })).createSegment.id;
    // k respondents for one campaign (scores 10, 8, 3, 10, 8, 3, ...), two for another.
    for (let i = 0; i < k; i++) await respondent([10, 8, 3][i % 3], big);
    await respondent(9, small);
    await respondent(2, small);
  }, 240_000);
  afterAll(() => platform?.close());

  const expected = (scores: number[]) => {
    const promoters = scores.filter((s) => s >= 9).length;
    const detractors = scores.filter((s) => s < 7).length;
    return { respondents: scores.length, promoters, passives: scores.length - promoters - detractors, detractors, nps: Math.round(((promoters - detractors) / scores.length) * 1000) / 10 };
  };
  const bigScores = () => Array.from({ length: k }, (_, i) => [10, 8, 3][i % 3]);

  it('gives staff the exact tally of a segment, each member by their latest answer, membership following the answers at once', async () => {
    const data = await ok(`query($id: ID!) { segment(id: $id) { surveySummary(attributeKey: "score") { ${TALLY} } } }`, { id: segmentId });
    expect(data.segment.surveySummary).toMatchObject({ key: segmentId, name: 'Answered a survey', ...expected([...bigScores(), 9, 2]) });
  });

  it('gives staff the exact tally of a campaign, however small', async () => {
    const data = await ok(`query($id: ID!) { campaignSurveySummary(campaignId: $id, attributeKey: "score") { ${TALLY} } }`, { id: small });
    expect(data.campaignSurveySummary).toMatchObject({ key: small, ...expected([9, 2]) });
  });

  it('gives BI the campaign groups of at least k respondents and suppresses the smaller one', async () => {
    const { surveySummaries } = await ok(BI_SUMMARIES, { groupBy: 'CAMPAIGN' }, bi);
    const keys = surveySummaries.groups.map((g: { key: string }) => g.key);
    expect(keys).toContain(big);
    expect(keys).not.toContain(small);
    expect(surveySummaries.suppressedGroups).toBeGreaterThanOrEqual(1);
    expect(surveySummaries.groups.find((g: { key: string }) => g.key === big)).toMatchObject(expected(bigScores()));
  });

  it('gives BI the segment tally by name, and refuses BI the exact staff summaries', async () => {
    const { surveySummaries } = await ok(BI_SUMMARIES, { groupBy: 'SEGMENT' }, bi);
    expect(surveySummaries.groups.map((g: { name: string }) => g.name)).toContain('Answered a survey');
    const refused = await ask(`query($id: ID!) { campaignSurveySummary(campaignId: $id, attributeKey: "score") { respondents } }`, { id: big }, bi);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a malformed attribute key without repeating it', async () => {
    const r = await ask(`{ surveySummaries(groupBy: CAMPAIGN, attributeKey: "x'; DROP--") { suppressedGroups } }`, {}, bi);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(r.errors)).not.toContain('DROP');
  });
});
