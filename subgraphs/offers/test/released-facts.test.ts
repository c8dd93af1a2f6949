import { DecisionReason, PersonalDataCategory } from '@c360/shared';
import { eligibleOffers, nextBestOffers } from '../src/eligibility/offer-engine';
import { releasedFacts, type CallerDecision } from '../src/eligibility/released-facts';
import { PersonalisationType } from '../src/offer/offer.enums';
import { candidate, facts, NOW, product } from './engine-fixtures';

// Issue 10, class 10: derived values carry the categories of their inputs.

const deciding =
  (denied: readonly PersonalDataCategory[]): CallerDecision =>
  async (customerId, category) => ({ customerId, category, allowed: !denied.includes(category), reason: denied.includes(category) ? DecisionReason.CATEGORY_NOT_COVERED : DecisionReason.CONSENT_GRANTED });

/** Every kind of offer the engine explains: targeted by lifecycle, by value, by segment, by affinity, by co-purchase. */
const CANDIDATES = [
  candidate('a-lifecycle', { targeting: { lifecycleStages: ['ACTIVE', 'NEW', 'AT_RISK', 'LAPSED'] as never } }),
  candidate('b-value', { targeting: { minMonetary: 1, minPredictedValue: 1, maxChurnRisk: 0.99 } }),
  candidate('c-affinity', { personalisationType: PersonalisationType.TRANSPARENT, consentPurpose: 'PERSONALISATION', skus: ['tent'] }),
  candidate('d-together', { personalisationType: PersonalisationType.COLLABORATIVE, consentPurpose: 'PERSONALISATION', skus: ['stove'] }),
  candidate('e-segment', { targeting: { segmentIds: ['seg-1'] } }),
  candidate('f-plain', { priority: 10 }),
];

const customer = (value: { lifecycleStage: string; monetary: number; monetaryScore: number; predictedValue: number; churnRisk: number }) =>
  facts({
    segments: ['seg-1'],
    purchases: { value, categories: [{ category: 'Outdoor', lines: 4 }, { category: 'Kitchen', lines: 6 }], skus: ['boots'] },
    products: new Map([product('tent', 'Outdoor'), product('stove', 'Outdoor'), product('boots', 'Outdoor')]),
    coPurchases: [{ sku: 'boots', alsoBought: 'stove', together: 3, support: 4, confidence: 0.75 }],
  });
const RICH = customer({ lifecycleStage: 'ACTIVE', monetary: 9000, monetaryScore: 5, predictedValue: 12000, churnRisk: 0.05 });
const POOR = customer({ lifecycleStage: 'LAPSED', monetary: 3, monetaryScore: 1, predictedValue: 2, churnRisk: 0.98 });

const engineOutput = async (customerFacts: typeof RICH, denied: PersonalDataCategory[]) => {
  const released = await releasedFacts(customerFacts, deciding(denied));
  return { picks: nextBestOffers(CANDIDATES, released, NOW, 20), eligible: eligibleOffers(CANDIDATES, released, NOW).map((e) => e.offer.offer.id) };
};

describe('the offer engine over released facts only (derived values carry categories)', () => {
  it('with FINANCIAL allowed, the value of the customer changes the picks (the check below can fail)', async () => {
    expect(JSON.stringify(await engineOutput(RICH, []))).not.toEqual(JSON.stringify(await engineOutput(POOR, [])));
  });

  it('with FINANCIAL denied, nothing in the output depends on value or lifecycle: two customers differing only there get identical picks, scores, reasons and eligibility', async () => {
    const rich = await engineOutput(RICH, [PersonalDataCategory.FINANCIAL]);
    const poor = await engineOutput(POOR, [PersonalDataCategory.FINANCIAL]);
    expect(JSON.stringify(rich)).toEqual(JSON.stringify(poor));
    const text = JSON.stringify(rich);
    expect(text).not.toMatch(/Monetary score|Lifecycle stage|value thresholds|LAPSED|HIGH_VALUE|VALUE_MATCH|LIFECYCLE_MATCH/);
    expect(rich.eligible).not.toContain('a-lifecycle');
    expect(rich.eligible).not.toContain('b-value');
    // BEHAVIOURAL inputs are still released and still explain the picks.
    expect(text).toContain('of your purchases are in Outdoor');
  });

  it('with BEHAVIOURAL denied too, no purchase share, co-purchase, segment or exposure reaches the output', async () => {
    const output = await engineOutput(RICH, [PersonalDataCategory.FINANCIAL, PersonalDataCategory.BEHAVIOURAL]);
    expect(JSON.stringify(output)).not.toMatch(/of your purchases|which you bought|IN_SEGMENT|Monetary score|Lifecycle stage/);
    expect(JSON.stringify(output)).toEqual(JSON.stringify(await engineOutput(POOR, [PersonalDataCategory.FINANCIAL, PersonalDataCategory.BEHAVIOURAL])));
  });

  it('says the value was not released to this caller, not whether the customer consented to PROFILING', async () => {
    const { picks } = await engineOutput(RICH, [PersonalDataCategory.FINANCIAL]);
    const notes = picks.flatMap((p) => p.reasons).filter((r) => r.code === 'VALUE_WITHHELD');
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note.text).not.toContain('PROFILING');
  });

  it('refuses (DECISION_UNAVAILABLE) when a category could not be decided, instead of picking from withheld facts', async () => {
    const undecided: CallerDecision = async (customerId, category) => ({ customerId, category, allowed: false, reason: category === PersonalDataCategory.BEHAVIOURAL ? DecisionReason.DECISION_UNAVAILABLE : DecisionReason.CONSENT_GRANTED });
    await expect(releasedFacts(RICH, undecided)).rejects.toMatchObject({ extensions: { code: 'DECISION_UNAVAILABLE' } });
  });
});
