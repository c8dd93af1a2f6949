import { checkEligibility } from '../src/eligibility/eligibility.rules';
import { OfferExclusion, OfferReasonCode } from '../src/eligibility/offer-reason.enums';
import { eligibleOffers, nextBestOffers } from '../src/eligibility/offer-engine';
import { ContentBasis, GREETING_TEMPLATE } from '../src/eligibility/personalisation';
import { LifecycleStage } from '../src/offer/lifecycle-stage.enum';
import { OfferChannel, PersonalisationType } from '../src/offer/offer.enums';
import { isHeldOut } from '../src/performance/holdout';
import { candidate, CUSTOMER, daysAgo, facts, NOW, product } from './engine-fixtures';

const exclusionOf = (...args: Parameters<typeof checkEligibility>) => {
  const result = checkEligibility(...args);
  return result.eligible ? null : result.exclusion;
};

describe('offer eligibility (pure, over hand-made facts)', () => {
  describe('stock', () => {
    const stock = new Map([product('SKU-00001', 'Garden'), product('SKU-00002', 'Garden', false), product('SKU-00003', 'Books', false)]);

    it('excludes an offer all of whose products are out of stock', () => {
      expect(exclusionOf(candidate('a', { skus: ['SKU-00002', 'SKU-00003'] }), facts({ products: stock }), NOW)).toBe(OfferExclusion.OUT_OF_STOCK);
    });

    it('drops the out-of-stock products of a partly stocked offer, and says so', () => {
      const result = checkEligibility(candidate('a', { skus: ['SKU-00002', 'SKU-00001'] }), facts({ products: stock }), NOW);
      expect(result.eligible && result.inStockSkus).toEqual(['SKU-00001']);
      expect(result.eligible && result.matched.map((m) => m.code)).toEqual([OfferReasonCode.PARTLY_OUT_OF_STOCK]);
    });

    it('treats a sku unknown to the catalogue as out of stock', () => {
      expect(exclusionOf(candidate('a', { skus: ['SKU-09999'] }), facts({ products: stock }), NOW)).toBe(OfferExclusion.OUT_OF_STOCK);
    });

    it('fails closed when stock could not be learned, but still offers product-less offers', () => {
      expect(exclusionOf(candidate('a', { skus: ['SKU-00001'] }), facts({ products: null }), NOW)).toBe(OfferExclusion.FACTS_UNAVAILABLE);
      expect(exclusionOf(candidate('b'), facts({ products: null, purchases: null }), NOW)).toBeNull();
    });
  });

  describe('consent', () => {
    it("excludes a customer without the consent the offer's purpose needs", () => {
      const noMarketing = facts({ consent: { MARKETING: { allowed: false, reason: 'CONSENT_WITHDRAWN' }, PERSONALISATION: { allowed: true, reason: 'CONSENT_GRANTED' } } });
      expect(exclusionOf(candidate('a', { consentPurpose: 'MARKETING' }), noMarketing, NOW)).toBe(OfferExclusion.NO_CONSENT);
      expect(exclusionOf(candidate('b', { consentPurpose: 'PERSONALISATION', personalisationType: PersonalisationType.TRANSPARENT }), noMarketing, NOW)).toBeNull();
    });

    it('excludes when the decision is unavailable or missing (fail closed)', () => {
      const unavailable = facts({ consent: { MARKETING: { allowed: false, reason: 'DECISION_UNAVAILABLE' } } });
      expect(exclusionOf(candidate('a'), unavailable, NOW)).toBe(OfferExclusion.CONSENT_UNAVAILABLE);
      expect(exclusionOf(candidate('b', { consentPurpose: 'PERSONALISATION' }), unavailable, NOW)).toBe(OfferExclusion.CONSENT_UNAVAILABLE);
    });
  });

  describe('frequency caps', () => {
    const capped = candidate('a', { targeting: { frequencyCap: { maxExposures: 2, withinDays: 7 } } });

    it('excludes once the customer has seen the offer as often as the cap allows in its window', () => {
      const seenTwice = facts({ exposures: new Map([['a', { shownInCapWindow: 2, lastShownAt: daysAgo(1) }]]) });
      expect(exclusionOf(capped, seenTwice, NOW)).toBe(OfferExclusion.FREQUENCY_CAP);
    });

    it('allows below the cap', () => {
      const seenOnce = facts({ exposures: new Map([['a', { shownInCapWindow: 1, lastShownAt: daysAgo(1) }]]) });
      expect(exclusionOf(capped, seenOnce, NOW)).toBeNull();
    });
  });

  describe('segments', () => {
    const targeted = candidate('a', { targeting: { segmentIds: ['seg-vip', 'seg-garden'] } });

    it('matches any of the targeted segments and says which', () => {
      const result = checkEligibility(targeted, facts({ segments: ['seg-garden'] }), NOW);
      expect(result.eligible && result.matched).toEqual([{ code: OfferReasonCode.IN_SEGMENT, text: 'In targeted segment seg-garden' }]);
    });

    it('excludes a customer in none of them', () => {
      expect(exclusionOf(targeted, facts({ segments: ['seg-other'] }), NOW)).toBe(OfferExclusion.NOT_IN_SEGMENT);
    });

    it('fails closed for segment-targeted offers only when membership is unavailable', () => {
      expect(exclusionOf(targeted, facts({ segments: null }), NOW)).toBe(OfferExclusion.SEGMENTS_UNAVAILABLE);
      expect(exclusionOf(candidate('b'), facts({ segments: null }), NOW)).toBeNull();
    });
  });

  describe('lifecycle and value thresholds', () => {
    it('matches any of the targeted lifecycle stages', () => {
      const offer = candidate('a', { targeting: { lifecycleStages: [LifecycleStage.AT_RISK, LifecycleStage.ACTIVE] } });
      expect(exclusionOf(offer, facts(), NOW)).toBeNull();
      const lapsed = facts({ purchases: { value: { lifecycleStage: 'LAPSED', monetary: 0, monetaryScore: 1, predictedValue: 0, churnRisk: 0.9 }, categories: [], skus: [] } });
      expect(exclusionOf(offer, lapsed, NOW)).toBe(OfferExclusion.LIFECYCLE_MISMATCH);
    });

    it.each([
      ['minMonetary', { minMonetary: 500 }, true],
      ['minMonetary', { minMonetary: 500.01 }, false],
      ['minPredictedValue', { minPredictedValue: 800 }, true],
      ['minPredictedValue', { minPredictedValue: 801 }, false],
      ['maxChurnRisk', { maxChurnRisk: 0.2 }, true],
      ['maxChurnRisk', { maxChurnRisk: 0.19 }, false],
    ])('applies %s %j inclusively (eligible: %s)', (_name, targeting, eligible) => {
      expect(exclusionOf(candidate('a', { targeting }), facts(), NOW)).toBe(eligible ? null : OfferExclusion.BELOW_VALUE_THRESHOLD);
    });

    it('treats withheld value (no PROFILING consent) as not matching, but lets untargeted offers through', () => {
      const withheld = facts({ purchases: { value: null, categories: [], skus: [] } });
      expect(exclusionOf(candidate('a', { targeting: { lifecycleStages: [LifecycleStage.ACTIVE] } }), withheld, NOW)).toBe(OfferExclusion.VALUE_WITHHELD);
      expect(exclusionOf(candidate('b', { targeting: { minMonetary: 0 } }), withheld, NOW)).toBe(OfferExclusion.VALUE_WITHHELD);
      expect(exclusionOf(candidate('c'), withheld, NOW)).toBeNull();
    });

    it('does not match a churn threshold for a customer without a churn risk', () => {
      const prospect = facts({ purchases: { value: { lifecycleStage: 'PROSPECT', monetary: 0, monetaryScore: null, predictedValue: 0, churnRisk: null }, categories: [], skus: [] } });
      expect(exclusionOf(candidate('a', { targeting: { maxChurnRisk: 1 } }), prospect, NOW)).toBe(OfferExclusion.BELOW_VALUE_THRESHOLD);
    });
  });

  it("excludes a customer the campaign holds out, and only those", () => {
    const offer = candidate('a', { holdoutPercent: 50 });
    const held = isHeldOut(offer.holdout, CUSTOMER);
    expect(exclusionOf(offer, facts(), NOW)).toBe(held ? OfferExclusion.HELD_OUT : null);
  });

  it('excludes offers outside their validity window and, when asked, of another channel', () => {
    const future = candidate('a');
    future.offer.validFrom = daysAgo(-1);
    expect(exclusionOf(future, facts(), NOW)).toBe(OfferExclusion.NOT_LIVE);
    expect(exclusionOf(candidate('b', { channel: OfferChannel.SMS }), facts(), NOW, OfferChannel.EMAIL)).toBe(OfferExclusion.OTHER_CHANNEL);
  });

  it('keeps candidate (priority) order in eligibleOffers', () => {
    const list = [candidate('c'), candidate('a', { skus: ['SKU-00009'] }), candidate('b')];
    expect(eligibleOffers(list, facts(), NOW).map((e) => e.offer.offer.id)).toEqual(['c', 'b']);
  });
});

describe('next best offers (pure ranking)', () => {
  const stock = new Map([product('SKU-00001', 'Garden'), product('SKU-00002', 'Books'), product('SKU-00003', 'Garden'), product('SKU-00004', 'Kitchen'), product('SKU-00005', 'Garden', false)]);
  const buyer = facts({
    products: stock,
    purchases: { value: { lifecycleStage: 'ACTIVE', monetary: 500, monetaryScore: 4, predictedValue: 800, churnRisk: 0.2 }, categories: [{ category: 'Garden', lines: 3 }, { category: 'Books', lines: 1 }], skus: ['SKU-00001'] },
    coPurchases: [
      { sku: 'SKU-00001', alsoBought: 'SKU-00004', together: 6, support: 0.06, confidence: 0.6 },
      { sku: 'SKU-00001', alsoBought: 'SKU-00002', together: 3, support: 0.03, confidence: 0.3 },
    ],
  });

  it('scores by the documented formula and explains every term', () => {
    const [pick] = nextBestOffers([candidate('garden', { priority: 40, skus: ['SKU-00003'] })], buyer, NOW, 3);
    // 0.35 × 0.40 (priority) + 0.35 × 0.75 (3 of 4 lines in Garden) + 0.15 × 4/5 (monetary score)
    expect(pick.score).toBe(0.5225);
    expect(pick.reasons).toEqual([
      { code: OfferReasonCode.PRIORITY, text: 'Offer priority 40', contribution: 0.14 },
      { code: OfferReasonCode.CATEGORY_AFFINITY, text: '75% of your purchases are in Garden', contribution: 0.2625 },
      { code: OfferReasonCode.HIGH_VALUE, text: 'Monetary score 4 of 5', contribution: 0.12 },
    ]);
  });

  it('ranks by score, breaks ties by offer id, and returns the same answer every time', () => {
    const list = [candidate('b', { priority: 10 }), candidate('a', { priority: 10 }), candidate('c', { priority: 90 }), candidate('d', { priority: 10, skus: ['SKU-00003'] })];
    const first = nextBestOffers(list, buyer, NOW, 10);
    expect(first.map((p) => [p.rank, p.candidate.offer.id])).toEqual([[1, 'c'], [2, 'd'], [3, 'a'], [4, 'b']]);
    expect(nextBestOffers([...list].reverse(), buyer, NOW, 10)).toEqual(first);
    expect(nextBestOffers(list, buyer, NOW, 2).map((p) => p.candidate.offer.id)).toEqual(['c', 'd']);
  });

  it('penalises an offer shown recently, more the more recent, and says so', () => {
    const shown = (days: number) => facts({ ...buyer, exposures: new Map([['a', { shownInCapWindow: 0, lastShownAt: daysAgo(days) }]]) });
    const score = (days: number) => nextBestOffers([candidate('a', { priority: 50 })], shown(days), NOW, 1)[0];
    expect(score(3).reasons.find((r) => r.code === OfferReasonCode.RECENTLY_SHOWN)).toEqual({ code: OfferReasonCode.RECENTLY_SHOWN, text: 'Shown to you 3 day(s) ago', contribution: -0.27 });
    expect(score(3).score).toBeLessThan(score(20).score);
    expect(score(31).reasons.map((r) => r.code)).not.toContain(OfferReasonCode.RECENTLY_SHOWN);
  });

  it('adds the TARGETED term and the matched rules as reasons for a targeted offer', () => {
    const [pick] = nextBestOffers([candidate('a', { targeting: { lifecycleStages: [LifecycleStage.ACTIVE] } })], buyer, NOW, 1);
    expect(pick.reasons.map((r) => [r.code, r.contribution])).toEqual([
      [OfferReasonCode.LIFECYCLE_MATCH, 0],
      [OfferReasonCode.PRIORITY, 0],
      [OfferReasonCode.HIGH_VALUE, 0.12],
      [OfferReasonCode.TARGETED, 0.15],
    ]);
  });

  it('names the value thresholds the customer met without their FINANCIAL figures (the picks are guarded as BEHAVIOURAL only)', () => {
    const valued = facts({ ...buyer, purchases: { ...buyer.purchases!, value: { lifecycleStage: 'ACTIVE', monetary: 357.25, monetaryScore: 4, predictedValue: 1234.5, churnRisk: 0.1375 } } });
    const [pick] = nextBestOffers([candidate('a', { targeting: { minMonetary: 150, minPredictedValue: 600, maxChurnRisk: 0.45 } })], valued, NOW, 1);
    expect(pick.reasons.find((r) => r.code === OfferReasonCode.VALUE_MATCH)).toEqual({
      code: OfferReasonCode.VALUE_MATCH,
      text: "Meets the offer's value thresholds on monetary value, predicted value, churn risk",
      contribution: 0,
    });
    const texts = pick.reasons.map((r) => r.text).join('\n');
    for (const figure of ['357', '1234', '0.1375', '13.75', '14%', '150', '600', '0.45']) expect(texts).not.toContain(figure);
  });

  it('leaves value out of the score when it is withheld, and says so', () => {
    const withheld = facts({ ...buyer, purchases: { ...buyer.purchases!, value: null } });
    const [pick] = nextBestOffers([candidate('a', { priority: 10 })], withheld, NOW, 1);
    expect(pick.score).toBe(0.035);
    expect(pick.reasons.map((r) => r.code)).toEqual([OfferReasonCode.PRIORITY, OfferReasonCode.VALUE_WITHHELD]);
  });

  describe('personalisation types', () => {
    it('COSMETIC changes only the presentation: a greeting template, products as designed', () => {
      const [pick] = nextBestOffers([candidate('a', { skus: ['SKU-00004', 'SKU-00003', 'SKU-00005'] })], buyer, NOW, 1);
      expect(pick.presentation).toEqual({ headline: 'Headline a', greetingTemplate: GREETING_TEMPLATE, becauseYouBought: [], personalised: true });
      expect(pick.content).toEqual({ skus: ['SKU-00004', 'SKU-00003'], basis: ContentBasis.AS_DESIGNED, personalised: false });
      expect(pick.options).toEqual([]);
    });

    it('ADAPTIVE offers its in-stock products as options to choose between, presentation and content standard', () => {
      const [pick] = nextBestOffers([candidate('a', { personalisationType: PersonalisationType.ADAPTIVE, skus: ['SKU-00005', 'SKU-00002', 'SKU-00004'] })], buyer, NOW, 1);
      expect(pick.options.map((o) => o.sku)).toEqual(['SKU-00002', 'SKU-00004']);
      expect(pick.presentation.personalised).toBe(false);
      expect(pick.content.personalised).toBe(false);
    });

    it("TRANSPARENT changes the content to in-stock products of the customer's categories, strongest first, and not the presentation", () => {
      const offer = candidate('a', { personalisationType: PersonalisationType.TRANSPARENT, consentPurpose: 'PERSONALISATION', skus: ['SKU-00004', 'SKU-00002', 'SKU-00005', 'SKU-00003'] });
      const [pick] = nextBestOffers([offer], buyer, NOW, 1);
      expect(pick.content).toEqual({ skus: ['SKU-00003', 'SKU-00002'], basis: ContentBasis.CATEGORY_AFFINITY, personalised: true });
      expect(pick.presentation).toEqual({ headline: 'Headline a', greetingTemplate: null, becauseYouBought: [], personalised: false });
    });

    it('COLLABORATIVE draws content from co-purchases and tailors the presentation; its affinity is the co-purchase confidence', () => {
      const offer = candidate('a', { personalisationType: PersonalisationType.COLLABORATIVE, consentPurpose: 'PERSONALISATION', skus: ['SKU-00003', 'SKU-00002', 'SKU-00004'] });
      const [pick] = nextBestOffers([offer], buyer, NOW, 1);
      expect(pick.content).toEqual({ skus: ['SKU-00004', 'SKU-00002'], basis: ContentBasis.CO_PURCHASE, personalised: true });
      expect(pick.presentation).toMatchObject({ greetingTemplate: GREETING_TEMPLATE, becauseYouBought: ['SKU-00001'], personalised: true });
      expect(pick.reasons.find((r) => r.code === OfferReasonCode.CO_PURCHASE)).toEqual({
        code: OfferReasonCode.CO_PURCHASE,
        text: '60% of orders with SKU-00001, which you bought, also held SKU-00004',
        contribution: 0.21,
      });
    });

    it("looks a COLLABORATIVE offer's co-purchases up once, for both its score and its content", () => {
      let scans = 0;
      const pairs = buyer.coPurchases;
      const counted = Object.assign([...pairs], {
        [Symbol.iterator]() {
          scans += 1;
          return pairs[Symbol.iterator]();
        },
      });
      const collaborative = (id: string) => candidate(id, { personalisationType: PersonalisationType.COLLABORATIVE, consentPurpose: 'PERSONALISATION' });
      const picks = nextBestOffers([collaborative('a'), collaborative('b'), candidate('c')], facts({ ...buyer, coPurchases: counted }), NOW, 3);
      expect(picks.map((p) => p.content.skus)).toEqual([['SKU-00004', 'SKU-00002'], ['SKU-00004', 'SKU-00002'], []]);
      expect(scans).toBe(2);
    });

    it('COLLABORATIVE without products recommends in-stock co-purchased products the customer has not bought', () => {
      const offer = candidate('a', { personalisationType: PersonalisationType.COLLABORATIVE, consentPurpose: 'PERSONALISATION' });
      const [pick] = nextBestOffers([offer], buyer, NOW, 1);
      expect(pick.content.skus).toEqual(['SKU-00004', 'SKU-00002']);
    });
  });
});
