/** A bucket's shape: it holds at most `burst` tokens and gains `perSecond` tokens each second. */
export interface BucketShape {
  burst: number;
  perSecond: number;
}

export type TakeResult = { taken: true } | { taken: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
  shape: BucketShape;
}

/** Milliseconds, monotonic. */
export type Clock = () => number;

/**
 * Token buckets by key: a request takes one token, tokens come back at a steady rate up to the
 * burst. A bucket left alone until full is the same as no bucket, so full ones are dropped on a
 * periodic sweep: memory holds only clients seen within the last refill time.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(
    private readonly clock: Clock = () => performance.now(),
    private readonly sweepEveryMs = 10_000,
  ) {
    this.lastSweep = clock();
  }

  take(key: string, shape: BucketShape): TakeResult {
    const now = this.clock();
    if (now - this.lastSweep >= this.sweepEveryMs) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: shape.burst, updatedAt: now, shape };
    bucket.tokens = refilled(bucket, now);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { taken: true };
    }
    return { taken: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / shape.perSecond) * 1000) };
  }

  /** How many clients are held in memory now. */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (refilled(bucket, now) >= bucket.shape.burst) this.buckets.delete(key);
  }
}

const refilled = (bucket: Bucket, now: number) => Math.min(bucket.shape.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * bucket.shape.perSecond);
