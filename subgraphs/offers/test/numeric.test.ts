import { hasAtMostDecimals } from '../src/common/numeric';

describe('hasAtMostDecimals (the one "at most N decimals" check of amounts, thresholds, holdouts and revenue)', () => {
  it.each([
    [19.99, 2, true],
    [0.1 + 0.2, 2, true],
    [100, 2, true],
    [1.001, 2, false],
    [1.005, 2, false],
    [0.1234, 4, true],
    [0.12345, 4, false],
    [-12.5, 2, true],
    [7, 0, true],
    [7.5, 0, false],
  ])('%p with at most %p decimals: %p', (value, places, expected) => {
    expect(hasAtMostDecimals(value, places)).toBe(expected);
  });
});
