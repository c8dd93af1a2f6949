/** The hand-designed demo campaigns and offers; seed-offers.ts turns them into rows. */
export interface DemoCampaignDesign {
  key: string;
  name: string;
  objective: string;
  description: string;
  startsAt: string;
  endsAt: string | null;
  /** Percent of customers held out to measure uplift; 0 when omitted. */
  holdoutPercent?: number;
}

export interface DemoOfferDesign {
  campaign: number;
  name: string;
  headline: string;
  benefit: [type: string, value: number | null, currency: string | null];
  channel: string;
  personalisation: string;
  priority: number;
  status: 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'EXPIRED';
  /** Product categories of the demo catalogue the skus are drawn from. */
  categories: string[];
  /** Adds an out-of-stock sku, so eligibility has something to drop; 'only' offers nothing but out-of-stock skus, so the whole offer is ineligible. */
  outOfStock?: boolean | 'only';
  /** Targeting rules (see OfferTargetingInput); none = every customer with the needed consent. */
  targeting?: DemoTargeting;
  /** Defaults to the long-running LIVE_WINDOW. */
  window?: [from: string, until: string];
}

export interface DemoTargeting {
  lifecycleStages?: string[];
  minMonetary?: number;
  minPredictedValue?: number;
  maxChurnRisk?: number;
  frequencyCap?: [maxExposures: number, withinDays: number];
}

/** Fixed so the demo stays offerable for years without depending on today's date. */
export const LIVE_WINDOW: [string, string] = ['2024-09-01T00:00:00.000Z', '2030-12-31T23:59:59.000Z'];

export const DEMO_CAMPAIGNS: DemoCampaignDesign[] = [
  { key: 'spring', name: 'Spring Garden Refresh', objective: 'Grow garden and beauty sales in spring', description: 'Seasonal push for garden and beauty', startsAt: '2024-09-01T00:00:00.000Z', endsAt: '2030-12-31T23:59:59.000Z' },
  { key: 'summer', name: 'Summer Outdoors', objective: 'Cross-sell outdoor and sports gear', description: 'Camping, travel and sports for the summer', startsAt: '2024-09-01T00:00:00.000Z', endsAt: '2030-12-31T23:59:59.000Z' },
  { key: 'back-to-school', name: 'Back to School', objective: 'Win families before the school year', description: 'Books, tablets and study kits', startsAt: '2024-09-01T00:00:00.000Z', endsAt: '2030-12-31T23:59:59.000Z' },
  { key: 'black-friday', name: 'Black Friday Weekender', objective: 'Acquire and reactivate with deep discounts', description: 'The biggest discounts of the year', startsAt: '2024-09-01T00:00:00.000Z', endsAt: '2030-12-31T23:59:59.000Z', holdoutPercent: 10 },
  { key: 'loyalty', name: 'Loyalty Club', objective: 'Retain the most valuable customers', description: 'Always-on rewards for members', startsAt: '2024-09-01T00:00:00.000Z', endsAt: null },
];

export const DEMO_OFFERS: DemoOfferDesign[] = [
  { campaign: 0, name: 'spring-garden-20', headline: '20% off everything for your garden', benefit: ['PERCENT_DISCOUNT', 20, null], channel: 'EMAIL', personalisation: 'COSMETIC', priority: 50, status: 'ACTIVE', categories: ['Garden'], outOfStock: true },
  { campaign: 0, name: 'spring-seed-kit-gift', headline: 'A free seed kit with any planter', benefit: ['GIFT', 9.9, 'EUR'], channel: 'WEB', personalisation: 'ADAPTIVE', priority: 30, status: 'ACTIVE', categories: ['Garden'] },
  { campaign: 0, name: 'spring-beauty-picks', headline: 'Picked for you: spring beauty at 15% off', benefit: ['PERCENT_DISCOUNT', 15, null], channel: 'MOBILE_PUSH', personalisation: 'TRANSPARENT', priority: 40, status: 'ACTIVE', categories: ['Beauty'] },
  { campaign: 0, name: 'spring-2024-preview', headline: '€10 off your first spring order', benefit: ['AMOUNT_DISCOUNT', 10, 'EUR'], channel: 'SMS', personalisation: 'COSMETIC', priority: 10, status: 'EXPIRED', categories: ['Garden', 'Outdoor'], window: ['2024-03-01T00:00:00.000Z', '2024-05-31T23:59:59.000Z'] },
  { campaign: 1, name: 'summer-camping-weekend', headline: '€25 off tents and sleeping bags', benefit: ['AMOUNT_DISCOUNT', 25, 'EUR'], channel: 'EMAIL', personalisation: 'COSMETIC', priority: 45, status: 'ACTIVE', categories: ['Outdoor'], outOfStock: true, targeting: { lifecycleStages: ['NEW', 'ACTIVE'] } },
  { campaign: 1, name: 'summer-free-shipping', headline: 'Free shipping on outdoor and sports gear', benefit: ['FREE_SHIPPING', null, null], channel: 'WEB', personalisation: 'ADAPTIVE', priority: 20, status: 'ACTIVE', categories: ['Outdoor', 'Sports'] },
  { campaign: 1, name: 'summer-sports-kit', headline: 'Your summer sports kit, put together with you', benefit: ['PERCENT_DISCOUNT', 10, null], channel: 'CALL_CENTER', personalisation: 'COLLABORATIVE', priority: 35, status: 'ACTIVE', categories: ['Sports'] },
  { campaign: 1, name: 'summer-travel-partner-points', headline: '500 bonus points with Nordic Travel Club', benefit: ['LOYALTY_POINTS', 500, null], channel: 'PARTNER', personalisation: 'COSMETIC', priority: 15, status: 'ACTIVE', categories: ['Outdoor'] },
  { campaign: 2, name: 'school-books-bundle', headline: '25% off when you pick three books', benefit: ['PERCENT_DISCOUNT', 25, null], channel: 'EMAIL', personalisation: 'ADAPTIVE', priority: 40, status: 'ACTIVE', categories: ['Books'], outOfStock: true },
  { campaign: 2, name: 'school-tablet-deal', headline: '€50 off the tablet you looked at', benefit: ['AMOUNT_DISCOUNT', 50, 'EUR'], channel: 'WEB', personalisation: 'TRANSPARENT', priority: 55, status: 'ACTIVE', categories: ['Electronics'], outOfStock: 'only' },
  { campaign: 2, name: 'school-sms-reminder', headline: 'Free shipping on school supplies', benefit: ['FREE_SHIPPING', null, null], channel: 'SMS', personalisation: 'COSMETIC', priority: 5, status: 'PAUSED', categories: ['Books', 'Electronics'] },
  { campaign: 2, name: 'school-study-kit', headline: 'A study kit chosen with you in store', benefit: ['GIFT', null, null], channel: 'STORE', personalisation: 'COLLABORATIVE', priority: 25, status: 'ACTIVE', categories: ['Books'] },
  { campaign: 3, name: 'bf-40-percent', headline: '40% off electronics and kitchen', benefit: ['PERCENT_DISCOUNT', 40, null], channel: 'EMAIL', personalisation: 'COSMETIC', priority: 90, status: 'ACTIVE', categories: ['Electronics', 'Kitchen'], outOfStock: true, targeting: { lifecycleStages: ['AT_RISK', 'LAPSED'] } },
  { campaign: 3, name: 'bf-kitchen-doorbuster', headline: '€30 off kitchen favourites in store', benefit: ['AMOUNT_DISCOUNT', 30, 'EUR'], channel: 'STORE', personalisation: 'ADAPTIVE', priority: 80, status: 'ACTIVE', categories: ['Kitchen'], targeting: { frequencyCap: [2, 7] } },
  { campaign: 3, name: 'bf-app-exclusive', headline: 'Your app-only Black Friday picks at 35% off', benefit: ['PERCENT_DISCOUNT', 35, null], channel: 'MOBILE_PUSH', personalisation: 'TRANSPARENT', priority: 85, status: 'ACTIVE', categories: ['Electronics', 'Toys'] },
  { campaign: 3, name: 'bf-2024', headline: 'Black Friday 2024: 30% off toys and fashion', benefit: ['PERCENT_DISCOUNT', 30, null], channel: 'WEB', personalisation: 'COSMETIC', priority: 70, status: 'EXPIRED', categories: ['Toys', 'Fashion'], window: ['2024-11-25T00:00:00.000Z', '2024-12-02T23:59:59.000Z'] },
  { campaign: 3, name: 'bf-cyber-monday', headline: 'Cyber Monday: free shipping on fashion', benefit: ['FREE_SHIPPING', null, null], channel: 'WEB', personalisation: 'ADAPTIVE', priority: 60, status: 'DRAFT', categories: ['Fashion'] },
  { campaign: 4, name: 'loyalty-double-points-grocery', headline: 'Double points on your groceries', benefit: ['LOYALTY_POINTS', 200, null], channel: 'MOBILE_PUSH', personalisation: 'ADAPTIVE', priority: 20, status: 'ACTIVE', categories: ['Grocery'], outOfStock: true, targeting: { minPredictedValue: 100, maxChurnRisk: 0.5 } },
  { campaign: 4, name: 'loyalty-birthday-gift', headline: 'A birthday gift you chose', benefit: ['GIFT', 15, 'EUR'], channel: 'EMAIL', personalisation: 'COLLABORATIVE', priority: 65, status: 'ACTIVE', categories: ['Beauty', 'Grocery'], targeting: { lifecycleStages: ['ACTIVE'], minMonetary: 150, frequencyCap: [1, 30] } },
  { campaign: 4, name: 'loyalty-bank-welcome', headline: '1,000 welcome points with City Bank Rewards', benefit: ['LOYALTY_POINTS', 1000, null], channel: 'PARTNER', personalisation: 'TRANSPARENT', priority: 10, status: 'PAUSED', categories: ['Fashion'] },
];
