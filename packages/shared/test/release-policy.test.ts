import {
  AggregateReleasePolicy,
  assertWholeDayWindow,
  ConfigError,
  cryptoNoise,
  geometricNoise,
  geometricStandardDeviation,
  nextUtcMidnight,
  readReleasePolicySettings,
  seededNoise,
} from '@c360/shared';
import { noNoise } from '@c360/shared/testing';

const settings = readReleasePolicySettings({});

describe('the aggregate release policy', () => {
  describe('settings', () => {
    it('documents its defaults: k 10, ε 1 per query, 20 per day, 3 groups, 5 events and 500 per customer, crypto noise', () => {
      expect(settings).toEqual({
        minimumGroupSize: 10,
        epsilonPerQuery: 1,
        dailyEpsilonBudget: 20,
        maxGroupsPerCustomer: 3,
        maxEventsPerCustomer: 5,
        maxAmountPerCustomer: 500,
        noiseSeed: undefined,
      });
    });

    it('refuses a seeded (predictable) noise stream in production, and ε per query above the daily budget', () => {
      expect(() => readReleasePolicySettings({ NODE_ENV: 'production', AGGREGATE_NOISE_SEED: 'x' })).toThrow(ConfigError);
      expect(() => readReleasePolicySettings({ AGGREGATE_EPSILON_PER_QUERY: '5', AGGREGATE_DAILY_EPSILON_BUDGET: '4' })).toThrow(/must not exceed/);
      expect(() => readReleasePolicySettings({ AGGREGATE_EPSILON_PER_QUERY: '0', BI_MIN_GROUP_SIZE: '1' })).toThrow(ConfigError);
    });
  });

  describe('two-sided geometric noise', () => {
    const draws = (epsilon: number, sensitivity: number, n: number) => Array.from({ length: n }, () => geometricNoise(cryptoNoise, epsilon, sensitivity));

    it('is centred, integer, and as wide as ε and the sensitivity say', () => {
      const sample = draws(0.5, 2, 20_000);
      expect(sample.every(Number.isInteger)).toBe(true);
      const mean = sample.reduce((s, x) => s + x, 0) / sample.length;
      const sd = Math.sqrt(sample.reduce((s, x) => s + (x - mean) ** 2, 0) / sample.length);
      const expected = geometricStandardDeviation(0.5, 2);
      expect(Math.abs(mean)).toBeLessThan(0.2);
      expect(sd).toBeGreaterThan(expected * 0.93);
      expect(sd).toBeLessThan(expected * 1.07);
    });

    it('makes a count with one more customer hardly more likely than without (ratio within e^ε)', () => {
      // Neighbouring databases: n and n + 1 customers. For each output near the centre, the two
      // frequencies differ by a factor of at most e^ε (here ε = 1), up to sampling error.
      const epsilon = 1;
      const n = 50;
      const release = new AggregateReleasePolicy({ ...settings, epsilonPerQuery: epsilon }, cryptoNoise).release(1);
      const histogram = (value: number) => {
        const h = new Map<number, number>();
        for (let i = 0; i < 40_000; i++) {
          const x = release.count(value, { groups: 1, perGroup: 1 });
          h.set(x, (h.get(x) ?? 0) + 1);
        }
        return h;
      };
      const without = histogram(n);
      const withOne = histogram(n + 1);
      for (let output = n - 1; output <= n + 2; output++) {
        const ratio = (withOne.get(output) ?? 0) / (without.get(output) ?? 1);
        expect(ratio).toBeLessThan(Math.exp(epsilon) * 1.2);
        expect(ratio).toBeGreaterThan(Math.exp(-epsilon) / 1.2);
      }
    });

    it('comes from a seeded stream only when asked: the same seed repeats, crypto does not', () => {
      const a = seededNoise('s');
      const b = seededNoise('s');
      expect(Array.from({ length: 20 }, () => geometricNoise(a, 1, 1))).toEqual(Array.from({ length: 20 }, () => geometricNoise(b, 1, 1)));
      expect(new Set(draws(1, 1, 50)).size).toBeGreaterThan(3);
    });

    it('scales with the contribution bound: sums noised in cents by groups × the amount bound', () => {
      const release = new AggregateReleasePolicy(settings, cryptoNoise).release(3);
      const sums = Array.from({ length: 2000 }, () => release.amount(10_000, 3));
      expect(sums.every((s) => Number.isInteger(Math.round(s * 100)) && s >= 0)).toBe(true);
      const sd = Math.sqrt(sums.reduce((s, x) => s + (x - 10_000) ** 2, 0) / sums.length);
      expect(sd).toBeGreaterThan(0.8 * (geometricStandardDeviation(1 / 3, 3 * 50_000) / 100));
    });

    it('tells the statistics the standard deviation of the noise it adds (zero for the tests\' silent source)', () => {
      const release = new AggregateReleasePolicy(settings, cryptoNoise).release(4);
      expect(release.countNoiseSd({ groups: 3, perGroup: 1 })).toBeCloseTo(geometricStandardDeviation(1 / 4, 3), 10);
      expect(release.amountNoiseSd(1)).toBeCloseTo(geometricStandardDeviation(1 / 4, 50_000) / 100, 10);
      const counts = Array.from({ length: 4000 }, () => release.count(1000, { groups: 1, perGroup: 1 }));
      const sd = Math.sqrt(counts.reduce((s, x) => s + (x - 1000) ** 2, 0) / counts.length);
      expect(sd / release.countNoiseSd({ groups: 1, perGroup: 1 })).toBeGreaterThan(0.85);
      expect(sd / release.countNoiseSd({ groups: 1, perGroup: 1 })).toBeLessThan(1.15);
      const silent = new AggregateReleasePolicy(settings, noNoise).release(4);
      expect(silent.countNoiseSd({ groups: 1, perGroup: 1 })).toBe(0);
      expect(silent.amountNoiseSd(1)).toBe(0);
    });

    it('publishes a group only when both its true and its noisy count reach k: never a group of one, however lucky the noise', () => {
      const release = new AggregateReleasePolicy(settings, cryptoNoise).release(1);
      expect(release.releasable(10, 10)).toBe(true);
      expect(release.releasable(10, 9)).toBe(false);
      expect(release.releasable(1, 40)).toBe(false);
      expect(release.releasable(9, 10)).toBe(false);
    });
  });

  describe('windows', () => {
    it('accept whole UTC days only, and a window of at least one day', () => {
      expect(() => assertWholeDayWindow(new Date('2026-01-01T00:00:00Z'), new Date('2026-02-01T00:00:00Z'))).not.toThrow();
      expect(() => assertWholeDayWindow(null, null)).not.toThrow();
      expect(() => assertWholeDayWindow(new Date('2026-01-01T00:00:00.001Z'), null)).toThrow(/midnight UTC/);
      expect(() => assertWholeDayWindow(null, new Date('2026-01-15T13:00:00+02:00'))).toThrow(/midnight UTC/);
      expect(() => assertWholeDayWindow(new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'))).toThrow(/at least one whole day/);
    });

    it('reset budgets at the next midnight UTC', () => {
      expect(nextUtcMidnight(new Date('2026-03-05T23:59:59.999Z')).toISOString()).toBe('2026-03-06T00:00:00.000Z');
      expect(nextUtcMidnight(new Date('2026-03-06T00:00:00.000Z')).toISOString()).toBe('2026-03-07T00:00:00.000Z');
    });
  });
});
