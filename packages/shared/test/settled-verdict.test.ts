import { randomUUID } from 'node:crypto';
import { CallerKind, DecisionReason, PER_CUSTOMER, PersonalDataCategory, RequestConsentDecisions, withStandingCache, type Caller, type ConsentDecider, type StandingDecision } from '@c360/shared';

const app = (purpose: string): Caller => ({ clientId: 'app', kind: CallerKind.INTERNAL_APP, scopes: [], purpose });
const contract: StandingDecision = { perCustomer: false, allowedCategories: [PersonalDataCategory.CONTACT], reason: DecisionReason.LEGAL_BASIS_CONTRACT, deniedReason: DecisionReason.CATEGORY_NOT_COVERED, onlyCustomerId: null };

function deciderOf(standing: (caller: Caller) => StandingDecision) {
  const calls = { decide: 0 };
  const decider: ConsentDecider = {
    standing: async (caller) => standing(caller),
    async decide(_caller, requests) {
      calls.decide += 1;
      return requests.map((r) => ({ ...r, allowed: false, reason: DecisionReason.NO_CONSENT }));
    },
    audience: async () => ({ everyone: true, customerIds: [] }),
  };
  return { decider: withStandingCache(decider), calls };
}

/** The field guard's same-tick verdicts (settledVerdict): never one customer's, category's or caller's verdict for another. */
describe('RequestConsentDecisions.settledVerdict', () => {
  it('is undefined until the standing decision has arrived, then answers per category', async () => {
    const { decider } = deciderOf(() => contract);
    const first = new RequestConsentDecisions(app('SERVICE'), decider);
    expect(first.settledVerdict(randomUUID(), PersonalDataCategory.CONTACT)).toBeUndefined();
    await first.decide(randomUUID(), PersonalDataCategory.CONTACT);
    const next = new RequestConsentDecisions(app('SERVICE'), decider);
    expect(next.settledVerdict(randomUUID(), PersonalDataCategory.CONTACT)).toMatchObject({ allowed: true, reason: 'LEGAL_BASIS_CONTRACT' });
    expect(next.settledVerdict(randomUUID(), PersonalDataCategory.FINANCIAL)).toMatchObject({ allowed: false, reason: 'CATEGORY_NOT_COVERED' });
  });

  it("a self-service caller's verdict for itself is never reused for another customer, in either order", async () => {
    const me = randomUUID();
    const self = (): Caller => ({ clientId: 'web', kind: CallerKind.CUSTOMER, scopes: [], customerId: me });
    const { decider } = deciderOf((caller) => ({ ...contract, allowedCategories: Object.values(PersonalDataCategory), reason: DecisionReason.SELF_ACCESS, deniedReason: DecisionReason.NOT_THIS_CUSTOMER, onlyCustomerId: caller.customerId ?? '' }));
    await new RequestConsentDecisions(self(), decider).decide(me, PersonalDataCategory.CONTACT);
    const mineFirst = new RequestConsentDecisions(self(), decider);
    expect(mineFirst.settledVerdict(me, PersonalDataCategory.CONTACT)).toMatchObject({ allowed: true });
    expect(mineFirst.settledVerdict(randomUUID(), PersonalDataCategory.CONTACT)).toMatchObject({ allowed: false, reason: 'NOT_THIS_CUSTOMER' });
    const otherFirst = new RequestConsentDecisions(self(), decider);
    expect(otherFirst.settledVerdict(randomUUID(), PersonalDataCategory.CONTACT)).toMatchObject({ allowed: false, reason: 'NOT_THIS_CUSTOMER' });
    expect(otherFirst.settledVerdict(me, PersonalDataCategory.CONTACT)).toMatchObject({ allowed: true, reason: 'SELF_ACCESS' });
  });

  it('another self-service caller with the memo at hand gets its own standing, not the first caller\'s', async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    const self = (id: string): Caller => ({ clientId: 'web', kind: CallerKind.CUSTOMER, scopes: [], customerId: id });
    const { decider } = deciderOf((caller) => ({ ...contract, reason: DecisionReason.SELF_ACCESS, deniedReason: DecisionReason.NOT_THIS_CUSTOMER, onlyCustomerId: caller.customerId ?? '' }));
    await new RequestConsentDecisions(self(alice), decider).decide(alice, PersonalDataCategory.CONTACT);
    const asBob = new RequestConsentDecisions(self(bob), decider);
    expect(asBob.settledVerdict(alice, PersonalDataCategory.CONTACT)).toBeUndefined(); // bob's standing is not at hand yet
    await asBob.decide(bob, PersonalDataCategory.CONTACT);
    expect(asBob.settledVerdict(alice, PersonalDataCategory.CONTACT)).toMatchObject({ allowed: false, reason: 'NOT_THIS_CUSTOMER' });
  });

  it('is never given for a purpose that needs per-customer consent: those go to the ledger', async () => {
    const { decider, calls } = deciderOf(() => PER_CUSTOMER);
    await new RequestConsentDecisions(app('MARKETING'), decider).decide(randomUUID(), PersonalDataCategory.CONTACT);
    const next = new RequestConsentDecisions(app('MARKETING'), decider);
    expect(next.settledVerdict(randomUUID(), PersonalDataCategory.CONTACT)).toBeUndefined();
    expect(await next.decide(randomUUID(), PersonalDataCategory.CONTACT)).toMatchObject({ allowed: false, reason: 'NO_CONSENT' });
    expect(calls.decide).toBe(2);
  });
});
