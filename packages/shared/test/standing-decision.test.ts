import { randomUUID } from 'node:crypto';
import {
  CallerKind,
  DecisionReason,
  PER_CUSTOMER,
  PersonalDataCategory,
  RequestConsentDecisions,
  StandingDecisionCache,
  withStandingCache,
  type Caller,
  type ConsentDecider,
  type StandingDecision,
} from '@c360/shared';

const caller = (purpose: string): Caller => ({ clientId: 'app', kind: CallerKind.INTERNAL_APP, scopes: [], purpose });
const contract: StandingDecision = { perCustomer: false, allowedCategories: [PersonalDataCategory.CONTACT], reason: DecisionReason.LEGAL_BASIS_CONTRACT, deniedReason: DecisionReason.CATEGORY_NOT_COVERED, onlyCustomerId: null };

/** Records every call so tests can see which path a decision took. */
function recordingDecider(standing: () => Promise<StandingDecision>) {
  const calls = { standing: 0, decide: 0 };
  const decider: ConsentDecider = {
    async standing() {
      calls.standing += 1;
      return standing();
    },
    async decide(_caller, requests) {
      calls.decide += 1;
      return requests.map((r) => ({ ...r, allowed: true, reason: DecisionReason.CONSENT_GRANTED, consentRecordId: 'event-1' }));
    },
    async audience() {
      return { everyone: true, customerIds: [] };
    },
  };
  return { decider, calls };
}

describe('RequestConsentDecisions with standing decisions', () => {
  it('answers from the standing decision without a per-customer lookup', async () => {
    const { decider, calls } = recordingDecider(async () => contract);
    const decisions = new RequestConsentDecisions(caller('SERVICE'), decider);
    const [contact, financial] = await Promise.all([decisions.decide(randomUUID(), PersonalDataCategory.CONTACT), decisions.decide(randomUUID(), PersonalDataCategory.FINANCIAL)]);
    expect(contact).toMatchObject({ allowed: true, reason: 'LEGAL_BASIS_CONTRACT' });
    expect(financial).toMatchObject({ allowed: false, reason: 'CATEGORY_NOT_COVERED' });
    expect(calls).toEqual({ standing: 1, decide: 0 });
  });

  it('goes to the ledger, batched, when the purpose needs per-customer consent', async () => {
    const { decider, calls } = recordingDecider(async () => PER_CUSTOMER);
    const decisions = new RequestConsentDecisions(caller('MARKETING'), decider);
    const results = await Promise.all([randomUUID(), randomUUID(), randomUUID()].map((id) => decisions.decide(id, PersonalDataCategory.CONTACT)));
    expect(results.every((r) => r.allowed && r.consentRecordId === 'event-1')).toBe(true);
    expect(calls).toEqual({ standing: 1, decide: 1 });
  });

  it('falls back to per-customer decisions when the standing lookup fails', async () => {
    const { decider, calls } = recordingDecider(async () => {
      throw new Error('consent down');
    });
    const decisions = new RequestConsentDecisions(caller('SERVICE'), decider);
    await decisions.decide(randomUUID(), PersonalDataCategory.CONTACT);
    expect(calls).toEqual({ standing: 1, decide: 1 });
  });

  it('a self-service standing decision allows only that customer', async () => {
    const me = randomUUID();
    const { decider } = recordingDecider(async () => ({ ...contract, onlyCustomerId: me, reason: DecisionReason.SELF_ACCESS, deniedReason: DecisionReason.NOT_THIS_CUSTOMER }));
    const decisions = new RequestConsentDecisions({ ...caller('SERVICE'), kind: CallerKind.CUSTOMER, customerId: me }, decider);
    expect(await decisions.decide(me, PersonalDataCategory.CONTACT)).toMatchObject({ allowed: true, reason: 'SELF_ACCESS' });
    expect(await decisions.decide(randomUUID(), PersonalDataCategory.CONTACT)).toMatchObject({ allowed: false, reason: 'NOT_THIS_CUSTOMER' });
  });
});

describe('StandingDecisionCache', () => {
  it('keeps a standing decision per caller basis until it expires', async () => {
    let now = 0;
    const cache = new StandingDecisionCache(1000, 10, () => now);
    let loads = 0;
    const load = async () => {
      loads += 1;
      return contract;
    };
    await cache.get(caller('SERVICE'), load);
    await cache.get({ ...caller('SERVICE'), clientId: 'another-app' }, load); // same basis
    expect(loads).toBe(1);
    await cache.get(caller('FRAUD_PREVENTION'), load); // another purpose
    expect(loads).toBe(2);
    now = 1001;
    await cache.get(caller('SERVICE'), load);
    expect(loads).toBe(3);
  });

  it('does not remember a failed lookup', async () => {
    const cache = new StandingDecisionCache(60_000);
    await expect(cache.get(caller('SERVICE'), () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(cache.get(caller('SERVICE'), async () => contract)).resolves.toBe(contract);
  });

  it('withStandingCache caches standing decisions only: per-customer decisions always reach the decider', async () => {
    const { decider, calls } = recordingDecider(async () => PER_CUSTOMER);
    const cached = withStandingCache(decider);
    for (let i = 0; i < 3; i++) {
      const decisions = new RequestConsentDecisions(caller('MARKETING'), cached);
      await decisions.decide(randomUUID(), PersonalDataCategory.CONTACT);
    }
    expect(calls).toEqual({ standing: 1, decide: 3 });
  });
});
