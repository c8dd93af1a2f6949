import { GraphQLError } from 'graphql';
import { CallerKind, type Caller } from '@c360/shared';
import { createRateLimit, parseLimitsByKind } from '../src/edge/rate-limit';

const KINDS = Object.values(CallerKind);
const caller = (kind: CallerKind, clientId = 'client-1'): Caller => ({ clientId, kind, scopes: [], purpose: 'SERVICE' });

describe('rate limit settings', () => {
  it('reads each kind as burst/tokens per second', () => {
    expect(parseLimitsByKind('PARTNER=20/0.5, BI=10/1', KINDS)).toEqual({ PARTNER: { burst: 20, perSecond: 0.5 }, BI: { burst: 10, perSecond: 1 } });
    expect(parseLimitsByKind(undefined, KINDS)).toEqual({});
  });

  it.each(['PARTNER=120', 'PARTNER=0/1', 'PARTNER=5/0', 'NOBODY=5/1', 'PARTNER=5/-1'])('refuses %s at boot', (raw) => {
    expect(() => parseLimitsByKind(raw, KINDS)).toThrow(/RATE_LIMITS_BY_KIND/);
  });
});

describe('rate limit at the edge', () => {
  it("refuses with 429 and Retry-After rounded up to the next token's second, per kind's own bucket", async () => {
    let now = 0;
    const limit = createRateLimit({ bucket: { burst: 100, perSecond: 100 }, byKind: { [CallerKind.BI]: { burst: 2, perSecond: 0.25 } } }, () => now);
    await limit(caller(CallerKind.BI));
    await limit(caller(CallerKind.BI));
    const refusal = (await limit(caller(CallerKind.BI)).catch((error: unknown) => error)) as GraphQLError;
    expect(refusal.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 4, http: { status: 429 } });
    expect((refusal.extensions.http as { headers: Map<string, string> }).headers.get('retry-after')).toBe('4');

    await expect(limit(caller(CallerKind.INTERNAL_APP))).resolves.toBeUndefined(); // another kind, another bucket
    now += 4_000;
    await expect(limit(caller(CallerKind.BI))).resolves.toBeUndefined();
  });
});
