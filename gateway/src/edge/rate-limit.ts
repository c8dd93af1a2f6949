import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { ErrorCode, type Caller, type CallerKind } from '@c360/shared';
import { TokenBuckets, type BucketShape, type Clock } from './token-bucket';

export interface RateLimitSettings {
  /** Every client's bucket, unless its kind has its own. */
  bucket: BucketShape;
  /** Per caller kind (e.g. PARTNER, BI), overriding `bucket`. */
  byKind: Partial<Record<CallerKind, BucketShape>>;
}

const SHAPE = /^(\d+)\/(\d+(?:\.\d+)?)$/;

/** Parses `PARTNER=20/0.5,BI=10/1` (RATE_LIMITS_BY_KIND: KIND=BURST/PER_SECOND); unknown kinds are a configuration error. */
export function parseLimitsByKind(raw: string | undefined, kinds: readonly string[]): Partial<Record<CallerKind, BucketShape>> {
  const limits: Partial<Record<string, BucketShape>> = {};
  for (const part of (raw ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, value] = part.split('=').map((p) => p.trim());
    const match = SHAPE.exec(value ?? '');
    const burst = Number(match?.[1]);
    const perSecond = Number(match?.[2]);
    if (!kinds.includes(kind) || !match || burst < 1 || !(perSecond > 0)) {
      throw new Error(`RATE_LIMITS_BY_KIND: "${part}" is not KIND=<burst>/<tokens per second> (a positive integer and a positive number) with KIND one of ${kinds.join(', ')}`);
    }
    limits[kind] = { burst, perSecond };
  }
  return limits as Partial<Record<CallerKind, BucketShape>>;
}

/**
 * One in-memory token bucket per client id and caller kind, per gateway process. With no token
 * left the request is refused before anything is planned: HTTP 429, Retry-After = seconds until
 * the next token.
 */
export function createRateLimit(settings: RateLimitSettings, clock?: Clock) {
  const buckets = new TokenBuckets(clock);
  return async (caller: Caller): Promise<void> => {
    const result = buckets.take(`${caller.kind}:${caller.clientId}`, settings.byKind[caller.kind] ?? settings.bucket);
    if (result.taken) return;
    const retryAfter = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    throw new GraphQLError(`Rate limit reached for this client: retry after ${retryAfter} s`, {
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: retryAfter, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } },
    });
  };
}
