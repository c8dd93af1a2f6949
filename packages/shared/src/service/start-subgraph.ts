import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import type { DemoOptions } from '../demo/universe';
import { createGraphQLHttpServer, drainServer, listen, type MetricsAccess } from '../http/graphql-http';
import { databaseChecks, peerCheck } from '../observability/readiness';
import { watchPool } from '../observability/metrics';
import { lineLogger } from '../observability/logger';
import { SUBGRAPH_NAMES, type SubgraphName } from '../peers/peer-directory';
import { openServiceDataSource } from '../storage/data-source';
import { remoteConsentDecider } from '../privacy/remote-consent-decider';
import { remoteDisclosureRecorder } from '../privacy/disclosure-recorder';
import { discardingDisclosureRecorder, enforcementOffDecider } from '../privacy/fixed-deciders';
import type { Storage } from '../storage/storage';
import { breakingPeerClient, httpPeerClient, type PeerBreakerPolicy, type PeerDirectory } from '../peers';
import type { SubgraphDefinition } from './subgraph-definition';
import type { NoiseSource } from '../analytics/release-policy/noise-source';
import { startEventDispatch, type EventDispatch } from '../events/event-dispatch';
import type { EventsOptions } from '../events/events.settings';
import type { EventSink } from '../events/event-sink';
import { consentRelaySink } from '../events/consent-relay-sink';
import { CONSENT_SUBGRAPH } from '../privacy/remote-consent-decider';

export interface StartSubgraphOptions {
  storage: Storage;
  port: number;
  host?: string;
  callerSigningKey: string;
  /** Where the peer subgraphs listen (consent decisions, internal contracts); read at call time. */
  peers: PeerDirectory;
  /** Peer-call timeout and circuit breaker; defaults to DEFAULT_PEER_BREAKER_POLICY. */
  peerPolicy?: PeerBreakerPolicy;
  /** 'off' only to measure what enforcement costs; never in production. */
  consentEnforcement?: 'on' | 'off';
  production?: boolean;
  /** Seed demo data on first start (empty tables); omit to start empty. */
  demo?: DemoOptions;
  log?: (line: string) => void;
  /** Tests only: where aggregate noise is drawn from. */
  aggregateNoise?: NoiseSource;
  /** Who may read /metrics (default: anyone, as in development). */
  metrics?: MetricsAccess;
  /** How long requests in flight may finish when the subgraph stops (default 10 s). */
  drainMs?: number;
  /** Outbox delivery (README "Events out"); default: no stream, polled every 500 ms. */
  events?: EventsOptions;
  /** Tests and the webhook relay: sinks beside the NATS stream. */
  eventSinks?: EventSink[];
}

export interface RunningSubgraph {
  name: string;
  url: string;
  dataSource: DataSource;
  http: Server;
  /** This subgraph's outbox dispatcher (dead letters, replay, runOnce in tests). */
  events: EventDispatch;
  /** The app's background work (tests run it by hand), e.g. `workers.webhookDeliveries` in the consent subgraph. */
  workers: Record<string, { runOnce(): Promise<number> }>;
  stop(): Promise<void>;
}

/** Migrates, optionally seeds, builds and listens: the same steps for all four subgraphs. */
export async function startSubgraph(definition: SubgraphDefinition, options: StartSubgraphOptions): Promise<RunningSubgraph> {
  const log = options.log ?? lineLogger(definition.name);
  const dataSource = await openServiceDataSource(options.storage, { service: definition.name, ...definition.storage });
  if (options.demo && definition.seedDemoData) {
    const started = Date.now();
    if (await definition.seedDemoData(dataSource, options.demo)) log(`[${definition.name}] demo data loaded in ${Date.now() - started} ms`);
  }
  if (options.consentEnforcement === 'off' && options.production) throw new Error('CONSENT_ENFORCEMENT=off is refused in production');
  const peers = breakingPeerClient(httpPeerClient(options.peers, options.callerSigningKey), options.peerPolicy);
  const privacy =
    options.consentEnforcement === 'off'
      ? { consentDecider: enforcementOffDecider, disclosureRecorder: discardingDisclosureRecorder }
      : { consentDecider: remoteConsentDecider(peers), disclosureRecorder: remoteDisclosureRecorder(peers) };
  const app = await definition.createApp(dataSource, { callerSigningKey: options.callerSigningKey, production: options.production ?? false, privacy, peers, aggregateNoise: options.aggregateNoise });
  // Served with the operational endpoints, which need the data source and peers the app does not see.
  const http = createGraphQLHttpServer({
    apollo: app.apollo,
    context: app.contextFor,
    service: definition.name,
    readiness: [...databaseChecks(dataSource, definition.storage.schema), ...peerChecks(definition.name, options.peers)],
    metrics: options.metrics,
    routes: app.routes,
  });
  const unwatchPool = watchDataSourcePool(definition.name, dataSource);
  const url = await listen(http, options.port, options.host);
  // Every outbox also feeds the webhook relay, which the consent subgraph owns (its decisions, its ledger).
  const relay = definition.name === CONSENT_SUBGRAPH ? (app.eventSinks ?? []) : [consentRelaySink(definition.name, peers)];
  const events = startEventDispatch(dataSource, definition.storage.schema, options.events, [...(options.eventSinks ?? []), ...relay], log);
  let stopped = false;
  return {
    name: definition.name,
    url,
    dataSource,
    http,
    events,
    workers: app.workers ?? {},
    async stop() {
      if (stopped) return;
      stopped = true;
      if (!(await drainServer(http, options.drainMs))) log(`requests still running after ${options.drainMs ?? 10_000} ms were cut`);
      await events.stop();
      await app.apollo.stop(); // also stops this subgraph's background jobs, waiting for a run in flight
      unwatchPool();
      await dataSource.destroy();
    },
  };
}

/** Readiness asks each peer's liveness, not its readiness: peers that wait on each other would never be ready. */
function peerChecks(self: string, peers: PeerDirectory) {
  return SUBGRAPH_NAMES.filter((name) => name !== self).map((name: SubgraphName) => ({
    name: `peer ${name}`,
    check: async () => {
      const url = peers.urlOf(name);
      if (!url) throw new Error('no URL configured');
      await peerCheck(name, url, '/health').check();
    },
  }));
}

/** Pool usage for /metrics (PostgreSQL only: embedded PGlite is one connection). */
function watchDataSourcePool(service: string, dataSource: DataSource): () => void {
  const pool = (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
  if (!pool || typeof pool.totalCount !== 'number') return () => undefined;
  return watchPool({ service, total: () => pool.totalCount, idle: () => pool.idleCount, waiting: () => pool.waitingCount });
}
