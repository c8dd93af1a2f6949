import { differenceInterval, meanDifferenceInterval, minimumSamplePerArm, normalCdf, revenuePerCustomer, smallSample, twoProportionPValue, wilsonInterval, type ArmCounts } from '../src/performance/campaign-statistics';

// Reference values computed independently (Python, math.erf) from the textbook formulas;
// the difference interval is Newcombe (1998), Statistics in Medicine 17:873, example (a), method 10.
const arm = (converted: number, reach: number, extra: Partial<ArmCounts> = {}): ArmCounts => ({ reach, converted, revenue: 0, countNoiseSd: 0, revenueNoiseSd: 0, maxRevenuePerCustomer: 100, ...extra });

describe('campaign statistics', () => {
  it('computes the standard normal CDF to 1e-6', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
    expect(normalCdf(0.5)).toBeCloseTo(0.6914625, 6);
  });

  it('gives the Wilson score interval and Newcombe’s published difference interval', () => {
    const treated = wilsonInterval(56, 70)!;
    const control = wilsonInterval(48, 80)!;
    expect(treated.low).toBeCloseTo(0.69183, 5);
    expect(treated.high).toBeCloseTo(0.87695, 5);
    const difference = differenceInterval(56 / 70, treated, 48 / 80, control);
    expect(difference.low).toBeCloseTo(0.0524, 4);
    expect(difference.high).toBeCloseTo(0.3339, 4);
  });

  it('gives the pooled two-proportion z-test p-value', () => {
    expect(twoProportionPValue(arm(56, 70), arm(48, 80))).toBeCloseTo(0.0080451, 6);
    expect(twoProportionPValue(arm(12, 40), arm(4, 40))).toBeCloseTo(0.0253473, 6);
    expect(twoProportionPValue(arm(0, 40), arm(0, 40))).toBe(1);
    expect(twoProportionPValue(arm(0, 0), arm(3, 40))).toBeNull();
  });

  it('widens every interval and raises the p-value when the released counts carry noise', () => {
    const exact = wilsonInterval(12, 40)!;
    const noisy = wilsonInterval(12, 40, 3)!;
    expect(noisy.low).toBeLessThan(exact.low);
    expect(noisy.high).toBeGreaterThan(exact.high);
    // A 0% rate still gets an upper bound above 0, and noise pushes it further.
    expect(wilsonInterval(0, 40)!.high).toBeGreaterThan(0.05);
    expect(wilsonInterval(0, 40, 3)!.high).toBeGreaterThan(wilsonInterval(0, 40)!.high);
    expect(twoProportionPValue(arm(12, 40, { countNoiseSd: 3 }), arm(4, 40, { countNoiseSd: 3 }))!).toBeGreaterThan(twoProportionPValue(arm(12, 40), arm(4, 40))!);
    expect(wilsonInterval(3, 0)).toBeNull();
  });

  it('bounds revenue per customer conservatively by the per-customer cap (Bhatia–Davis)', () => {
    const revenue = revenuePerCustomer(arm(12, 40, { revenue: 120 }))!;
    expect(revenue.mean).toBe(3);
    expect(revenue.variance).toBeCloseTo((3 * 97) / 40, 10);
    expect(revenue.interval.low).toBe(0); // never below zero
    expect(revenue.interval.high).toBeCloseTo(3 + 1.959964 * Math.sqrt(7.275), 5);
    // Two independent arms: the variances add, so the half-width is √2 times one arm's.
    const difference = meanDifferenceInterval(revenue, revenue);
    expect(difference.high).toBeCloseTo(Math.SQRT2 * (revenue.interval.high - 3), 10);
    expect(difference.low).toBeCloseTo(-difference.high, 10);
    expect(revenuePerCustomer(arm(0, 0))).toBeNull();
  });

  it('says how many customers per arm would detect the observed difference, and flags small samples', () => {
    expect(minimumSamplePerArm(0.3, 0.1)).toBe(62); // the textbook figure for 30% vs 10%, α 5% two-sided, power 80%
    expect(minimumSamplePerArm(0.2, 0.2)).toBeNull();
    expect(smallSample(arm(4, 40))).toBe(true);
    expect(smallSample(arm(36, 40))).toBe(true);
    expect(smallSample(arm(12, 40))).toBe(false);
  });
});
