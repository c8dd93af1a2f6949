import { randomUUID } from 'node:crypto';
import { DecisionReason, PageDecisionCache, PersonalDataCategory, RequestPurposeDecisions, type ConsentDecider, type ConsentDecision, type DecisionRequest, type PurposeDecisionRequest } from '@c360/shared';

const FINANCIAL = PersonalDataCategory.FINANCIAL;
const key = (r: DecisionRequest) => `${r.customerId}|${r.category}`;

/** A ledger stand-in whose answer can change between asks, counting every exchange. */
function ledger() {
  const state = { allowed: true, exchanges: 0, asked: [] as number[] };
  const ask = async (requests: DecisionRequest[]): Promise<ConsentDecision[]> => {
    state.exchanges += 1;
    state.asked.push(requests.length);
    return requests.map((r) => ({ ...r, allowed: state.allowed, reason: state.allowed ? DecisionReason.CONSENT_GRANTED : DecisionReason.CONSENT_WITHDRAWN }));
  };
  return { state, ask };
}

describe('PageDecisionCache', () => {
  it('shares one exchange between two requests of the same page, even while the first is in flight', async () => {
    const cache = new PageDecisionCache();
    const { state, ask } = ledger();
    const ids = [randomUUID(), randomUUID()];
    const [first, second] = await Promise.all([
      cache.decide('page-1', ids.map((customerId) => ({ customerId, category: FINANCIAL })), key, ask),
      cache.decide('page-1', ids.map((customerId) => ({ customerId, category: FINANCIAL })), key, ask),
    ]);
    expect(state.exchanges).toBe(1);
    expect(second).toEqual(first);
  });

  it('asks only what the page has not asked yet', async () => {
    const cache = new PageDecisionCache();
    const { state, ask } = ledger();
    const [a, b] = [randomUUID(), randomUUID()];
    await cache.decide('page-1', [{ customerId: a, category: FINANCIAL }], key, ask);
    await cache.decide('page-1', [a, b].map((customerId) => ({ customerId, category: FINANCIAL })), key, ask);
    expect(state.asked).toEqual([1, 1]);
  });

  it('decides the next page against the ledger as it is then (a withdrawal takes effect)', async () => {
    const cache = new PageDecisionCache();
    const { state, ask } = ledger();
    const request = [{ customerId: randomUUID(), category: FINANCIAL }];
    const [before] = await cache.decide('page-1', request, key, ask);
    state.allowed = false; // the customer withdraws
    const [after] = await cache.decide('page-2', request, key, ask);
    expect(before.allowed).toBe(true);
    expect(after).toMatchObject({ allowed: false, reason: DecisionReason.CONSENT_WITHDRAWN });
  });

  it('forgets a page after its time to live', async () => {
    let now = 0;
    const cache = new PageDecisionCache(5_000, 100, () => now);
    const { state, ask } = ledger();
    const request = [{ customerId: randomUUID(), category: FINANCIAL }];
    await cache.decide('page-1', request, key, ask);
    now = 5_001;
    state.allowed = false;
    const [late] = await cache.decide('page-1', request, key, ask);
    expect(late.allowed).toBe(false);
    expect(cache.size).toBe(1);
  });

  it('keeps at most its bound of entries', async () => {
    const cache = new PageDecisionCache(5_000, 10);
    const { ask } = ledger();
    for (let page = 0; page < 30; page++) await cache.decide(`page-${page}`, [{ customerId: randomUUID(), category: FINANCIAL }], key, ask);
    expect(cache.size).toBeLessThanOrEqual(10);
  });

  it('never remembers a failed exchange', async () => {
    const cache = new PageDecisionCache();
    const { state, ask } = ledger();
    const request = [{ customerId: randomUUID(), category: FINANCIAL }];
    await expect(cache.decide('page-1', request, key, async () => Promise.reject(new Error('consent down')))).rejects.toThrow('consent down');
    const [decided] = await cache.decide('page-1', request, key, ask);
    expect(decided.allowed).toBe(true);
    expect(state.exchanges).toBe(1);
  });

  it('asks everything when there is no page', async () => {
    const cache = new PageDecisionCache();
    const { state, ask } = ledger();
    const request = [{ customerId: randomUUID(), category: FINANCIAL }];
    await cache.decide(undefined, request, key, ask);
    await cache.decide(undefined, request, key, ask);
    expect(state.exchanges).toBe(2);
  });
});

describe('RequestPurposeDecisions', () => {
  function purposeDecider() {
    const exchanges: PurposeDecisionRequest[][] = [];
    const decider: ConsentDecider = {
      decide: async () => {
        throw new Error('asked one purpose at a time');
      },
      audience: async () => ({ everyone: false, customerIds: [] }),
      async decideAcrossPurposes(_clientId, requests) {
        exchanges.push(requests);
        return requests.map((r) => ({ ...r, allowed: r.purpose === 'MARKETING', reason: r.purpose === 'MARKETING' ? DecisionReason.CONSENT_GRANTED : DecisionReason.NO_CONSENT }));
      },
    };
    return { decider, exchanges };
  }

  it('asks every purpose of one tick in a single exchange, de-duplicated', async () => {
    const { decider, exchanges } = purposeDecider();
    const decisions = new RequestPurposeDecisions('app', decider);
    const customerId = randomUUID();
    const [marketing, personalisation, again] = await Promise.all([
      decisions.decide('MARKETING', { customerId, category: PersonalDataCategory.CONTACT }),
      decisions.decide('PERSONALISATION', { customerId, category: PersonalDataCategory.BEHAVIOURAL }),
      decisions.decide('MARKETING', { customerId, category: PersonalDataCategory.CONTACT }),
    ]);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0].map((r) => r.purpose).sort()).toEqual(['MARKETING', 'PERSONALISATION']);
    expect(marketing).toEqual({ customerId, category: PersonalDataCategory.CONTACT, allowed: true, reason: DecisionReason.CONSENT_GRANTED });
    expect(personalisation.allowed).toBe(false);
    expect(again).toEqual(marketing);
  });

  it('fails closed when the exchange fails', async () => {
    const decider: ConsentDecider = {
      decide: async () => [],
      audience: async () => ({ everyone: false, customerIds: [] }),
      decideAcrossPurposes: async () => Promise.reject(new Error('consent down')),
    };
    const decided = await new RequestPurposeDecisions('app', decider).decide('MARKETING', { customerId: randomUUID(), category: PersonalDataCategory.CONTACT });
    expect(decided).toMatchObject({ allowed: false, reason: DecisionReason.DECISION_UNAVAILABLE });
  });
});
