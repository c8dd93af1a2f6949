import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { readReleasePolicySettings } from '@c360/shared';
import { noNoise, storageLabel } from '@c360/shared/testing';
import { postGraphQL } from '../support/graphql-client';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';

/**
 * The aggregate release policy's noise is sized for a customer counting in at most
 * AGGREGATE_MAX_GROUPS_PER_CUSTOMER groups of one aggregate. Every grouping a BI caller can ask for
 * must enforce that bound in its SQL: a customer who counts in more groups than the noise was sized
 * for moves the answer more than the policy says one person can (differencing then isolates them).
 * Each respondent below counts in more groups than the bound allows; with the noise off, the
 * released tallies must still add up to no more than the bound per respondent.
 */
const TRANSIENT = ['DECISION_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE'];

describe(`every BI grouping bounds the groups one customer counts in, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let bi: Record<string, string>;
  const { maxGroupsPerCustomer: maxGroups, minimumGroupSize: k } = readReleasePolicySettings();
  const campaigns = Array.from({ length: maxGroups + 1 }, () => randomUUID());
  const type = `BOUND_PROBE_${Date.now() % 100000}`;
  let respondents = 0;

  const ask = (source: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal) =>
    postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, parse(source), variables, headers); // eslint-disable-line @typescript-eslint/no-explicit-any
  const ok = async (source: string, variables: Record<string, unknown>, headers?: Record<string, string>) => {
    let r = await ask(source, variables, headers);
    // Setup on a loaded machine: a peer call can miss its 1 s timeout; nothing was written or decided, so ask again.
    for (let retry = 0; retry < 5 && r.errors?.some((e) => TRANSIENT.includes(e.extensions?.code as string)); retry++) {
      await new Promise((done) => setTimeout(done, 2_500));
      r = await ask(source, variables, headers);
    }
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const summaries = (groupBy: string) => ok(`query($groupBy: SurveyGroup!) { surveySummaries(groupBy: $groupBy, attributeKey: "score") { groups { key respondents } } }`, { groupBy }, bi);

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 7, customers: 2 }, aggregateNoise: noNoise });
    bi = await platform.tokens.headers(CallerKind.BI);
    // More segments than the bound, each holding every respondent.
    for (let i = 0; i <= maxGroups; i++) {
      await ok('mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }', { input: { name: `Bound probe ${i}`, rule: { condition: { field: 'INTERACTION_TYPE', operator: 'EQ', values: [type] } } } });
    }
    // k respondents, each answering for every campaign: enough for every group to reach k without the bound.
    for (let r = 0; r < k; r++) {
      const input = { givenName: 'Bound', familyName: 'Probe', email: `bound-${randomUUID()}@example.com`, acquisitionChannel: 'WEB' };
      const id: string = (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input })).createCustomer.id;
      for (const purposeCode of ['ANALYTICS', 'PROFILING']) await ok('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }', { input: { customerId: id, purposeCode, channel: 'WEB' } });
      for (const campaignId of campaigns) {
        await ok('mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }', { input: { customerId: id, channel: 'EMAIL', kind: 'ACTIVE', type, attributes: { score: 9, campaignId } } });
      }
      respondents++;
    }
  }, 600_000);
  afterAll(() => platform?.close());

  it.each(['SEGMENT', 'CAMPAIGN'])('surveySummaries by %s', async (groupBy) => {
    const { groups } = (await summaries(groupBy)).surveySummaries as { groups: { key: string; respondents: number }[] };
    const counted = groups.reduce((sum, g) => sum + g.respondents, 0);
    expect({ groupBy, counted, atMost: maxGroups * respondents, within: counted <= maxGroups * respondents }).toMatchObject({ within: true });
  });
});
