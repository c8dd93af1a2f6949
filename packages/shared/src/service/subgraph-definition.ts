import type { HttpRoutes } from '../http/graphql-http';
import type { DataSource } from 'typeorm';
import type { DemoOptions } from '../demo/universe';
import type { ConsentDecider } from '../privacy/consent-decisions';
import type { DisclosureRecorder } from '../privacy/disclosure-recorder';
import type { PersonalDataPolicy } from '../privacy/consent-guard';
import type { IncomingMessage, Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { ServiceDataSourceOptions } from '../storage/data-source';
import type { PeerClient } from '../peers/peer-client';
import type { Setting } from '../config/env-schema';
import type { NoiseSource } from '../analytics/release-policy/noise-source';
import type { EventSink } from '../events/event-sink';

/** What the bootstrap needs of a built subgraph (its loaders' type erased). */
export interface SubgraphApp {
  schema: GraphQLSchema;
  http: Server;
  apollo: ApolloServer<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  contextFor(request: Pick<IncomingMessage, 'headers'>): Promise<unknown>;
  /** Non-GraphQL endpoints the subgraph serves beside /graphql (e.g. streamed bulk import). */
  routes?: HttpRoutes;
  /** Sinks this subgraph's own outbox feeds in process (the consent subgraph's webhook relay); the others relay to consent over the peer channel. */
  eventSinks?: EventSink[];
  /** Background work tests drive by hand (e.g. the consent subgraph's webhook deliveries); started and stopped by the app itself. */
  workers?: Record<string, { runOnce(): Promise<number> }>;
}

export interface SubgraphAppOptions {
  callerSigningKey: string;
  production: boolean;
  /** How this subgraph obtains consent decisions and records disclosures (the consent subgraph uses its own). */
  privacy: { consentDecider: ConsentDecider; disclosureRecorder: DisclosureRecorder };
  /** Signed service-to-service calls to the other subgraphs' internal contracts. */
  peers: PeerClient;
  /** Tests only: where aggregate noise is drawn from (default: the release policy settings, crypto randomness). */
  aggregateNoise?: NoiseSource;
  /**
   * Subgraph-level tests only: feeds are not checked against peers (customer existence, redeemed
   * orders), since no peer runs. Production and the platform always check, through `peers`.
   */
  trustFeeds?: boolean;
}

/** Everything the shared bootstrap needs to run one subgraph; each subgraph exports one. */
export interface SubgraphDefinition {
  /** Subgraph name in the supergraph, e.g. "customers". */
  name: string;
  /** Environment prefix, e.g. "CUSTOMERS" for CUSTOMERS_PORT. */
  envPrefix: string;
  defaultPort: number;
  /** Environment variables of this subgraph's own (beyond port, storage and trust), validated at boot with the rest. */
  settings?: Record<string, Setting<unknown>>;
  storage: Omit<ServiceDataSourceOptions, 'service'>;
  /** Which types hold personal data and whose (the data map and its test read it). */
  personalData: PersonalDataPolicy;
  createApp(dataSource: DataSource, options: SubgraphAppOptions): Promise<SubgraphApp>;
  /** Loads the deterministic demo data if the service's tables are empty; returns whether it did. */
  seedDemoData?(dataSource: DataSource, options: DemoOptions): Promise<boolean>;
}
