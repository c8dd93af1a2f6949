import { openTestStorage } from '@c360/shared/testing';
import { DEFAULT_PEER_BREAKER_POLICY, type DemoOptions, type EventSink, type EventsOptions, type NoiseSource, type Storage } from '@c360/shared';
import { startPlatform, type RunningPlatform } from '../../scripts/platform';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import type { RateLimitSettings } from '../../gateway/src/edge/rate-limit';
import type { WebOptions } from '../../gateway/src/web/web-app';
import type { CallerClaims } from '../../gateway/src/auth/caller-claims';
import { CallerKind, createTestTokenIssuer, type TestTokenIssuer } from './test-tokens';

export interface TestPlatform extends RunningPlatform {
  storage: Storage;
  tokens: TestTokenIssuer;
  /** Headers of a full-scope internal app, the most common caller in tests. */
  internal: Record<string, string>;
  close(): Promise<void>;
}

const TEST_PEER_TIMEOUT_MS = 5_000;

/** The whole graph on free loopback ports over test storage (PGlite, or PostgreSQL with DATABASE_URL). */
export async function startTestPlatform(options: { demo?: DemoOptions; subgraphTimeoutMs?: number; aggregateNoise?: NoiseSource; rateLimit?: RateLimitSettings; corsAllowedOrigins?: string[]; trustedDocumentsOnly?: boolean; web?: boolean | Pick<WebOptions, 'oidc' | 'consoleOidc'>; gatewayPort?: number; events?: EventsOptions; eventSinks?: EventSink[]; peerTimeoutMs?: number } = {}): Promise<TestPlatform> {
  const storage = await openTestStorage(SUBGRAPHS.map((s) => s.storage.schema));
  const tokens = await createTestTokenIssuer();
  const testMinter = { mint: (claims: CallerClaims) => tokens.token(claims.kind as CallerKind, claims) };
  const platform = await startPlatform({
    storage,
    auth: tokens.auth,
    gatewayPort: options.gatewayPort ?? 0,
    subgraphPort: () => 0,
    host: '127.0.0.1',
    demo: options.demo,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
    rateLimit: options.rateLimit,
    corsAllowedOrigins: options.corsAllowedOrigins,
    // Existing tests send partner and BI operations ad hoc; the safelist tests turn this off.
    adHocRestrictedOperations: !options.trustedDocumentsOnly,
    log: () => undefined,
    aggregateNoise: options.aggregateNoise,
    // The built privacy centre and console; the development and OIDC sign-ins mint test-issuer tokens.
    web: options.web ? { ...(options.web === true ? {} : options.web), developmentSignIn: testMinter, signInMinter: testMinter } : undefined,
    events: options.events,
    eventSinks: options.eventSinks,
    // Longer than production's 1 s: on a loaded CI machine a peer answer can take over a second, and a
    // decision that times out fails closed, so a test would see a withheld field or a missing statement.
    // Tests of timeouts set their own.
    peerPolicy: { ...DEFAULT_PEER_BREAKER_POLICY, callTimeoutMs: options.peerTimeoutMs ?? TEST_PEER_TIMEOUT_MS },
  });
  return {
    ...platform,
    storage,
    tokens,
    internal: await tokens.headers(CallerKind.INTERNAL_APP),
    async close() {
      await platform.stop();
      await storage.close();
    },
  };
}
