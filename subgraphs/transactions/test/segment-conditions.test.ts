import { randomUUID } from 'node:crypto';
import { CallerKind, DecisionReason, type ConsentDecider } from '@c360/shared';
import { internalCaller, RecordingDisclosureRecorder, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { RFM_SEGMENTS, SCORED_LIFECYCLE_STAGES } from '@c360/shared/segments';
import { transactionsSubgraph } from '../src';
import { LifecycleStage, RfmSegment } from '../src/value/value.enums';
import { DAY, everyDays, insertOrders, valueService } from './value-fixtures';

const MATCHES = `query M($conditions: [TransactionSegmentCondition!]!) { transactionSegmentMatches(conditions: $conditions) }`;

/** Three buyers who consented to PROFILING, one who did not; `quiet` never bought. */
const C = { frequent: randomUUID(), once: randomUUID(), books: randomUUID(), refusing: randomUUID(), quiet: randomUUID() };
const profiling = [C.frequent, C.once, C.books];

let audienceDown = false;
const profilingDecider: ConsentDecider = {
  decide: async (_caller, requests) => requests.map((r) => ({ ...r, allowed: false, reason: DecisionReason.NO_CONSENT })),
  audience: async (caller) => {
    if (audienceDown) throw new Error('consent unreachable');
    return { everyone: false, customerIds: caller.purpose === 'PROFILING' ? profiling : [] };
  },
};

const cond = (field: string, operator: string, values: (string | number)[], extra: Record<string, unknown> = {}) => ({ field, operator, values: values.map(String), ...extra });
const sorted = (ids: string[]) => [...ids].sort();

describe(`transactions segment conditions on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  const matches = async (...conditions: ReturnType<typeof cond>[]) => {
    const result = await harness.execute<{ transactionSegmentMatches: string[][] }>(MATCHES, { conditions } as never);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.transactionSegmentMatches.map(sorted);
  };

  const orderWithLine = async (customerId: string, daysAgo: number, sku: string, status = 'COMPLETED') => {
    const id = randomUUID();
    const at = new Date(Date.now() - daysAgo * DAY).toISOString();
    await harness.dataSource.query(
      `INSERT INTO transactions.customer_order (id, customer_id, total, currency, channel, status, occurred_at, source_system, external_id, recorded_at)
       VALUES ($1, $2, 15, 'EUR', 'WEB', $3, $4, 'test', $5, $4)`,
      [id, customerId, status, at, `SEG-${id}`],
    );
    await harness.dataSource.query(`INSERT INTO transactions.order_line (order_id, line_no, sku, quantity, unit_price, line_total) VALUES ($1, 1, $2, 1, 15, 15)`, [id, sku]);
  };

  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph, { consentDecider: profilingDecider, disclosureRecorder: new RecordingDisclosureRecorder() });
    await harness.dataSource.query(
      `INSERT INTO transactions.product (sku, name, category, price, currency, stock_level, updated_at)
       VALUES ('SEG-BOOK', 'A book', 'Books', 15, 'EUR', 100, now()), ('SEG-PAN', 'A pan', 'Kitchen', 15, 'EUR', 100, now())`,
    );
    const now = new Date();
    await insertOrders(harness, now, [...everyDays(C.frequent, 50, 10, 10, 100), { customerId: C.once, daysAgo: 20, total: 30 }, ...everyDays(C.refusing, 50, 10, 10, 100)]);
    await orderWithLine(C.books, 200, 'SEG-BOOK');
    await orderWithLine(C.books, 5, 'SEG-PAN');
    await orderWithLine(C.once, 3, 'SEG-BOOK', 'CANCELLED');
    await valueService(harness).refreshAll(now);
  });
  afterAll(() => harness.close());

  it('matches value conditions set-wise, one list per condition in order', async () => {
    expect(await matches(cond('FREQUENCY', 'GTE', [3]), cond('MONETARY', 'LT', [100]), cond('HISTORICAL_VALUE', 'BETWEEN', [20, 40]))).toEqual([[C.frequent], sorted([C.once, C.books]), sorted([C.once, C.books])]);
  });

  it('never matches a customer whose scores are withheld for lack of PROFILING consent', async () => {
    const [frequentBuyers] = await matches(cond('FREQUENCY', 'GTE', [3]));
    expect(frequentBuyers).not.toContain(C.refusing);
    const [everyScored] = await matches(cond('RECENCY_DAYS', 'GTE', [0]));
    expect(everyScored).toEqual(sorted(profiling));
  });

  it('fails visibly (DECISION_UNAVAILABLE) on value when consent cannot be asked, never as an empty match', async () => {
    audienceDown = true;
    try {
      const result = await harness.execute<{ transactionSegmentMatches: string[][] }>(MATCHES, { conditions: [cond('FREQUENCY', 'GTE', [1])] } as never);
      expect(result.data?.transactionSegmentMatches ?? null).toBeNull();
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['DECISION_UNAVAILABLE']);
    } finally {
      audienceDown = false;
    }
  });

  it('matches purchased categories from completed orders, within the window when given', async () => {
    expect(await matches(cond('PURCHASED_CATEGORY', 'EQ', ['Books']), cond('PURCHASED_CATEGORY', 'EQ', ['Books'], { withinDays: 30 }), cond('PURCHASED_CATEGORY', 'IN', ['Books', 'Kitchen'], { withinDays: 30 }))).toEqual([[C.books], [], [C.books]]);
  });

  it('rejects conditions it does not own, or that do not fit the vocabulary', async () => {
    const notOurs = await harness.execute(MATCHES, { conditions: [cond('COUNTRY', 'EQ', ['DK'])] } as never);
    expect(notOurs.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SEGMENT_RULE', rulePath: 'conditions[0].field' });
    const badOperator = await harness.execute(MATCHES, { conditions: [cond('FREQUENCY', 'GTE', [1]), cond('RFM_SEGMENT', 'GT', ['LOST'])] } as never);
    expect(badOperator.errors?.[0].extensions).toMatchObject({ rulePath: 'conditions[1].operator' });
  });

  it('refuses partners and self-service callers', async () => {
    const result = await harness.execute(MATCHES, { conditions: [cond('FREQUENCY', 'GTE', [1])] } as never, internalCaller({ kind: CallerKind.PARTNER, partnerId: randomUUID() }));
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the shared vocabulary in step with the value enums', () => {
    expect([...RFM_SEGMENTS].sort()).toEqual(Object.values(RfmSegment).sort());
    expect([...SCORED_LIFECYCLE_STAGES, 'PROSPECT'].sort()).toEqual(Object.values(LifecycleStage).sort());
  });
});
