import { CallerKind, DecisionReason, PER_CUSTOMER, PersonalDataCategory, RequestConsentDecisions, type Caller, type ConsentDecider, type StandingDecision } from '@c360/shared';

// Issue 10: the released sets predicates are pushed into (customers filters, segment conditions).

const caller: Caller = { clientId: 'app', kind: CallerKind.INTERNAL_APP, scopes: [], purpose: 'MARKETING' };
const { CONTACT, LOCATION, IDENTITY } = PersonalDataCategory;

function decider(standing: StandingDecision, answer: ConsentDecider['categoryAudiences']) {
  const calls = { categoryAudiences: 0 };
  const d: ConsentDecider = {
    standing: async () => standing,
    decide: async () => [],
    audience: async () => ({ everyone: true, customerIds: [] }),
    categoryAudiences: answer && (async (c, categories) => {
      calls.categoryAudiences += 1;
      return answer(c, categories);
    }),
  };
  return { d, calls };
}

describe('RequestConsentDecisions.categoryAudiences', () => {
  it('asks the ledger once per request for every category of a CONSENT purpose, then answers from memory', async () => {
    const { d, calls } = decider(PER_CUSTOMER, async (_c, categories) => categories.map((category) => ({ category, covered: category !== LOCATION, everyone: false, customerIds: category === LOCATION ? [] : ['a'] })));
    const decisions = new RequestConsentDecisions(caller, d);
    const first = await decisions.categoryAudiences([CONTACT, LOCATION]);
    const again = await decisions.categoryAudiences([LOCATION, CONTACT]);
    expect(calls.categoryAudiences).toBe(1);
    expect(first.get(CONTACT)).toEqual({ category: CONTACT, covered: true, everyone: false, customerIds: ['a'] });
    expect(again.get(LOCATION)!.covered).toBe(false);
  });

  it('answers a standing decision locally: covered categories for everyone, the others for nobody', async () => {
    const contract: StandingDecision = { perCustomer: false, allowedCategories: [CONTACT], reason: DecisionReason.LEGAL_BASIS_CONTRACT, deniedReason: DecisionReason.CATEGORY_NOT_COVERED, onlyCustomerId: null };
    const { d, calls } = decider(contract, async () => {
      throw new Error('not asked');
    });
    const answers = await new RequestConsentDecisions(caller, d).categoryAudiences([CONTACT, IDENTITY]);
    expect(calls.categoryAudiences).toBe(0);
    expect(answers.get(CONTACT)).toMatchObject({ covered: true, everyone: true });
    expect(answers.get(IDENTITY)).toMatchObject({ covered: false, everyone: false, customerIds: [] });
  });

  it('fails closed and visibly when the consent service cannot answer: an error, never an empty set', async () => {
    const { d } = decider(PER_CUSTOMER, async () => {
      throw new Error('consent down');
    });
    await expect(new RequestConsentDecisions(caller, d).categoryAudiences([CONTACT])).rejects.toMatchObject({ extensions: { reason: DecisionReason.DECISION_UNAVAILABLE } });
  });

  it('fails closed for a decider that cannot answer predicates at all', async () => {
    const { d } = decider(PER_CUSTOMER, undefined);
    await expect(new RequestConsentDecisions(caller, d).categoryAudiences([CONTACT])).rejects.toMatchObject({ extensions: { reason: DecisionReason.DECISION_UNAVAILABLE } });
  });
});
