import { DecisionReason, metricsRegistry, type ConsentDecider } from '@c360/shared';
import { allowAllDecider, RecordingDisclosureRecorder, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { condition, CREATE_SEGMENT, createCustomer, FakeConditionPeers, recordInteraction, type SegmentResult } from './segment-fixtures';

/** The consent service as the follower sees it: answering, or answering DECISION_UNAVAILABLE for every decision. */
class ConsentOutage implements ConsentDecider {
  down = false;
  decide: ConsentDecider['decide'] = async (caller, requests) =>
    this.down ? requests.map((r) => ({ ...r, allowed: false, reason: DecisionReason.DECISION_UNAVAILABLE })) : allowAllDecider.decide(caller, requests);
  audience: ConsentDecider['audience'] = (...args) => allowAllDecider.audience(...args);
  categoryAudiences: NonNullable<ConsentDecider['categoryAudiences']> = (...args) => allowAllDecider.categoryAudiences!(...args);
}

const RETRY_MS = 100;

async function pendingCount(cause: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('c360_segment_evaluations_pending_total')!.get();
  return metric.values.filter((v) => v.labels.cause === cause).reduce((sum, v) => sum + v.value, 0);
}

async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`incremental segment membership while consent is unavailable on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const consent = new ConsentOutage();
  const previousRetry = process.env.SEGMENT_FOLLOW_RETRY_MS;
  let reader: string;
  let newcomer: string;

  beforeAll(async () => {
    process.env.SEGMENT_FOLLOW_RETRY_MS = String(RETRY_MS);
    harness = await startSubgraphHarness(customersSubgraph, { consentDecider: consent, disclosureRecorder: new RecordingDisclosureRecorder() }, new FakeConditionPeers());
    reader = await createCustomer(harness, 'Outage reader', { address: { countryCode: 'PW' } });
    newcomer = await createCustomer(harness, 'Outage newcomer', { address: { countryCode: 'PW' } });
  });
  afterAll(async () => {
    if (previousRetry === undefined) delete process.env.SEGMENT_FOLLOW_RETRY_MS;
    else process.env.SEGMENT_FOLLOW_RETRY_MS = previousRetry;
    await harness.close();
  });

  const members = async (segmentId: string): Promise<string[]> =>
    (await harness.dataSource.query(`SELECT customer_id FROM customers.segment_member WHERE segment_id = $1 ORDER BY customer_id`, [segmentId])).map((r: { customer_id: string }) => r.customer_id);

  it('keeps the memberships it had, counts the customers as pending, and catches up once consent answers again', async () => {
    const created = await harness.execute<{ createSegment: SegmentResult }>(CREATE_SEGMENT, { input: { name: 'Outage e-mail readers', rule: condition('INTERACTION_CHANNEL', 'EQ', ['EMAIL']) } } as never);
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const segment = created.data!.createSegment;
    await recordInteraction(harness, reader, 'EMAIL');
    expect(await members(segment.id)).toEqual([reader]);

    consent.down = true;
    const pendingBefore = await pendingCount('interaction');
    // The reader's next interaction re-evaluates them: undecided consent must not read as "not released".
    await recordInteraction(harness, reader, 'WEB');
    await recordInteraction(harness, newcomer, 'EMAIL');
    expect(await members(segment.id)).toEqual([reader]);
    expect(await pendingCount('interaction')).toBe(pendingBefore + 2);
    // Retries while consent is still down change nothing either.
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 3));
    expect(await members(segment.id)).toEqual([reader]);

    consent.down = false;
    await until(async () => (await members(segment.id)).length === 2);
    expect(await members(segment.id)).toEqual([reader, newcomer].sort());
  });
});
