import { DEFAULT_EVENTS_OPTIONS, peerCallDuration } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { Customer360PageDocument } from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

/** Calls each subgraph made to the consent subgraph so far (the peer-call histogram counts every one). */
async function consentCallsBy(): Promise<Record<string, number>> {
  const metric = await peerCallDuration.get();
  const calls: Record<string, number> = {};
  for (const value of metric.values) {
    if (value.metricName !== 'c360_peer_call_duration_seconds_count' || value.labels.peer !== 'consent') continue;
    const service = String(value.labels.service);
    calls[service] = (calls[service] ?? 0) + value.value;
  }
  return calls;
}

function delta(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [service, count] of Object.entries(after)) if (count - (before[service] ?? 0) > 0) out[service] = count - (before[service] ?? 0);
  return out;
}

describe(`Consent decision exchanges per customer-360 page on ${storageLabel()}`, () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    // No event timer: the outbox relaying the demo's events to consent in the background is not the page's work.
    platform = await startTestPlatform({ demo: { seed: 11, customers: 60 }, events: { ...DEFAULT_EVENTS_OPTIONS, pollMs: 0 } });
  });
  afterAll(() => platform.close());

  async function exchangesFor(first: number) {
    await postGraphQL(platform.gatewayUrl, Customer360PageDocument, { first }, platform.internal); // warm-up: standing decisions
    const before = await consentCallsBy();
    const result = await postGraphQL(platform.gatewayUrl, Customer360PageDocument, { first }, platform.internal);
    expect(result.errors).toBeUndefined();
    return delta(await consentCallsBy(), before);
  }

  it('is at most one per subgraph, whatever the page size', async () => {
    const ten = await exchangesFor(10);
    const fifty = await exchangesFor(50);
    expect(fifty).toEqual(ten);
    for (const count of Object.values(ten)) expect(count).toBeLessThanOrEqual(1);
  });
});
