import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { drainServer, listen, startSubgraphs, type DemoOptions, type EventSink, type EventsOptions, type MetricsAccess, type NoiseSource, type PeerBreakerPolicy, type RunningSubgraph, type Storage } from '@c360/shared';
import { createGatewayApp } from '../gateway/src/app';
import type { AuthOptions } from '../gateway/src/auth/bearer-authenticator';
import type { WebOptions } from '../gateway/src/web/web-app';
import type { RateLimitSettings } from '../gateway/src/edge/rate-limit';
import type { SubgraphName } from '../gateway/src/config';
import { SUBGRAPHS } from './subgraphs';

export interface PlatformOptions {
  /** Open storage shared by the four subgraphs; the caller closes it after stop(). */
  storage: Storage;
  gatewayPort: number;
  /** Port per subgraph; 0 picks a free one. Defaults to each subgraph's own port. */
  subgraphPort?: (name: string, defaultPort: number) => number;
  host?: string;
  demo?: DemoOptions;
  /** Shared by the gateway and subgraphs; generated per start when omitted (development only). */
  callerSigningKey?: string;
  subgraphTimeoutMs?: number;
  /** Peer-call timeout and circuit breaker of every subgraph (PEER_TIMEOUT_MS, PEER_BREAKER_RESET_MS). */
  peerPolicy?: PeerBreakerPolicy;
  /** Per-client rate limit at the gateway; none when omitted (tests send bursts on purpose). */
  rateLimit?: RateLimitSettings;
  /** Partner and BI tokens may send ad-hoc operations (development and tests only). */
  adHocRestrictedOperations?: boolean;
  /** Browser origins allowed at the gateway. */
  corsAllowedOrigins?: string[];
  /** 'off' only to measure what consent enforcement costs (bench); never in production. */
  consentEnforcement?: 'on' | 'off';
  /** How the gateway verifies access tokens. */
  auth: AuthOptions;
  /** The privacy centre and console at /privacy and /console; not served when omitted. */
  web?: WebOptions;
  log?: (line: string) => void;
  /** Tests only: where aggregate noise is drawn from. */
  aggregateNoise?: NoiseSource;
  /** Who may read each service's /metrics (default: anyone, as in development). */
  metrics?: MetricsAccess;
  /** How long requests in flight may finish on stop (default 10 s). */
  drainMs?: number;
  /** Outbox delivery of every subgraph (README "Events out"). */
  events?: EventsOptions;
  /** Tests: sinks beside the NATS stream, shared by the four dispatchers. */
  eventSinks?: EventSink[];
}

export interface RunningPlatform {
  gatewayUrl: string;
  subgraphs: RunningSubgraph[];
  callerSigningKey: string;
  stop(): Promise<void>;
}

export const SUPERGRAPH_PATH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');
export const SAFELIST_DIR = join(__dirname, '..', '..', 'safelist', 'generated');

/** The whole graph in one process: four subgraphs and the gateway over one storage. */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const callerSigningKey = options.callerSigningKey ?? randomBytes(32).toString('base64url');
  const { storage } = options;
  const subgraphs: RunningSubgraph[] = [];
  try {
    subgraphs.push(
      ...(await startSubgraphs(SUBGRAPHS, {
        storage,
        portOf: (definition) => options.subgraphPort?.(definition.name, definition.defaultPort) ?? definition.defaultPort,
        host: options.host,
        callerSigningKey,
        consentEnforcement: options.consentEnforcement,
        demo: options.demo,
        log: options.log,
        aggregateNoise: options.aggregateNoise,
        metrics: options.metrics,
        drainMs: options.drainMs,
        events: options.events,
        eventSinks: options.eventSinks,
        peerPolicy: options.peerPolicy,
      })),
    );
    const gateway = await createGatewayApp({
      production: false,
      supergraphPath: SUPERGRAPH_PATH,
      callerSigningKey,
      subgraphTimeoutMs: options.subgraphTimeoutMs ?? 10_000,
      rateLimit: options.rateLimit,
      corsAllowedOrigins: options.corsAllowedOrigins,
      trustedDocuments: { dir: SAFELIST_DIR, adHocAllowed: options.adHocRestrictedOperations ?? false },
      auth: options.auth,
      subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])) as Partial<Record<SubgraphName, string>>,
      metrics: options.metrics,
      web: options.web,
    });
    const gatewayUrl = await listen(gateway.http, options.gatewayPort, options.host);
    return {
      gatewayUrl,
      subgraphs,
      callerSigningKey,
      async stop() {
        // The gateway drains first: its requests in flight still need the subgraphs.
        await drainServer(gateway.http, options.drainMs);
        await gateway.apollo.stop();
        for (const subgraph of subgraphs.reverse()) await subgraph.stop();
      },
    };
  } catch (error) {
    for (const subgraph of subgraphs) await subgraph.stop().catch(() => undefined);
    throw error;
  }
}
