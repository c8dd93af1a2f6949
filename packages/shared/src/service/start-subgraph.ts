import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import type { DemoOptions } from '../demo/universe';
import { closeServer, listen } from '../http/graphql-http';
import { openServiceDataSource } from '../storage/data-source';
import { remoteConsentDecider } from '../privacy/remote-consent-decider';
import { remoteDisclosureRecorder } from '../privacy/disclosure-recorder';
import { discardingDisclosureRecorder, enforcementOffDecider } from '../privacy/fixed-deciders';
import type { Storage } from '../storage/storage';
import { breakingPeerClient, httpPeerClient, type PeerBreakerPolicy, type PeerDirectory } from '../peers';
import type { SubgraphDefinition } from './subgraph-definition';

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
}

export interface RunningSubgraph {
  name: string;
  url: string;
  dataSource: DataSource;
  http: Server;
  stop(): Promise<void>;
}

/** Migrates, optionally seeds, builds and listens: the same steps for all four subgraphs. */
export async function startSubgraph(definition: SubgraphDefinition, options: StartSubgraphOptions): Promise<RunningSubgraph> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
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
  const app = await definition.createApp(dataSource, { callerSigningKey: options.callerSigningKey, production: options.production ?? false, privacy, peers });
  const url = await listen(app.http, options.port, options.host);
  let stopped = false;
  return {
    name: definition.name,
    url,
    dataSource,
    http: app.http,
    async stop() {
      if (stopped) return;
      stopped = true;
      await closeServer(app.http);
      await app.apollo.stop();
      await dataSource.destroy();
    },
  };
}
