import { TokenBuckets } from '../src/edge/token-bucket';

/** A clock the test moves by hand (milliseconds). */
const manualClock = () => {
  let now = 0;
  return { read: () => now, advance: (ms: number) => (now += ms) };
};

describe('token buckets', () => {
  const shape = { burst: 3, perSecond: 2 };

  it('lets a new client spend its whole burst at once, then refuses with the time until one token', () => {
    const clock = manualClock();
    const buckets = new TokenBuckets(clock.read);
    expect([1, 2, 3].map(() => buckets.take('a', shape).taken)).toEqual([true, true, true]);
    expect(buckets.take('a', shape)).toEqual({ taken: false, retryAfterMs: 500 });
  });

  it('refills at the configured rate, never beyond the burst', () => {
    const clock = manualClock();
    const buckets = new TokenBuckets(clock.read);
    for (let i = 0; i < 3; i++) buckets.take('a', shape);
    clock.advance(250);
    expect(buckets.take('a', shape)).toEqual({ taken: false, retryAfterMs: 250 });
    clock.advance(250);
    expect(buckets.take('a', shape).taken).toBe(true);
    expect(buckets.take('a', shape).taken).toBe(false);

    clock.advance(60_000); // long idle: back to the burst, not to 120 tokens
    expect([1, 2, 3, 4].map(() => buckets.take('a', shape).taken)).toEqual([true, true, true, false]);
  });

  it('keeps each client to its own bucket', () => {
    const buckets = new TokenBuckets(manualClock().read);
    for (let i = 0; i < 3; i++) buckets.take('a', shape);
    expect(buckets.take('a', shape).taken).toBe(false);
    expect(buckets.take('b', shape).taken).toBe(true);
  });

  it('forgets clients whose bucket is full again, and only those', () => {
    const clock = manualClock();
    const buckets = new TokenBuckets(clock.read, 1_000);
    buckets.take('idle', shape); // full again 0.5 s later
    clock.advance(900);
    for (let i = 0; i < 3; i++) buckets.take('busy', shape);
    clock.advance(200); // the sweep runs on this take
    buckets.take('new', shape);
    expect(buckets.size).toBe(2);
    // "busy" was kept with its debt: still empty but for the 0.4 token refilled since.
    expect(buckets.take('busy', shape)).toEqual({ taken: false, retryAfterMs: 300 });
  });
});
