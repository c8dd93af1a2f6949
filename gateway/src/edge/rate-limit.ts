import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode, type Caller, type CallerKind } from '@c360/shared';

export interface RateLimitSettings {
  /** Requests one client may send per window, unless its kind has its own figure. */
  requestsPerWindow: number;
  /** Per caller kind (e.g. PARTNER, BI), overriding requestsPerWindow. */
  byKind: Partial<Record<CallerKind, number>>;
  windowSeconds: number;
}

/** Parses `PARTNER=120,BI=60` (RATE_LIMITS_BY_KIND); unknown kinds are a configuration error. */
export function parseLimitsByKind(raw: string | undefined, kinds: readonly string[]): Partial<Record<CallerKind, number>> {
  const limits: Partial<Record<string, number>> = {};
  for (const part of (raw ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, value] = part.split('=').map((p) => p.trim());
    const n = Number(value);
    if (!kinds.includes(kind) || !Number.isInteger(n) || n < 1) throw new Error(`RATE_LIMITS_BY_KIND: "${part}" is not KIND=<positive integer> with KIND one of ${kinds.join(', ')}`);
    limits[kind] = n;
  }
  return limits as Partial<Record<CallerKind, number>>;
}

/**
 * One in-memory budget per client id and caller kind, per gateway process. Over budget the
 * request is refused before anything is planned: HTTP 429 with Retry-After in seconds.
 */
export function createRateLimit(settings: RateLimitSettings) {
  const limiters = new Map<string, RateLimiterMemory>();
  const limiterFor = (kind: CallerKind) => {
    let limiter = limiters.get(kind);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points: settings.byKind[kind] ?? settings.requestsPerWindow, duration: settings.windowSeconds });
      limiters.set(kind, limiter);
    }
    return limiter;
  };
  return async (caller: Caller): Promise<void> => {
    try {
      await limiterFor(caller.kind).consume(`${caller.kind}:${caller.clientId}`);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw new GraphQLError(`Rate limit reached for this client: retry after ${retryAfter} s`, {
        extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: retryAfter, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } },
      });
    }
  };
}
