import type { DocumentNode } from 'graphql';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DataSource } from 'typeorm';
import { HeaderMap } from '@apollo/server';
import { CallerKind, type Caller } from '../context/caller';
import { CALLER_HEADER, signCallerToken } from '../context/caller-token';
import { scopesBeyondCeiling } from '../context/scope-ceilings';
import { openServiceDataSource } from '../storage/data-source';
import type { Storage } from '../storage/storage';
import type { SubgraphAppOptions, SubgraphDefinition } from '../service/subgraph-definition';
import { DecisionReason, type ConsentDecider } from '../privacy/consent-decisions';
import type { DisclosureRecorder } from '../privacy/disclosure-recorder';
import type { Disclosure } from '../privacy/disclosures';
import { openTestStorage } from './test-storage';
import { noPeers, type PeerClient } from '../peers/peer-client';
import type { NoiseSource } from '../analytics/release-policy/noise-source';

export const TEST_SIGNING_KEY = 'test-only-signing-key-0123456789abcdef';

const INTERNAL_TEST_SCOPES = ['customers:read', 'customers.pii:read', 'customers:write', 'orders:read', 'orders:write', 'offers:read', 'offers:write', 'consent:read', 'consent:write'];

/** A test caller; another kind gets the internal scopes its ceiling allows (what a real token of that kind could hold). */
export const internalCaller = (overrides: Partial<Caller> = {}): Caller => {
  const kind = overrides.kind ?? CallerKind.INTERNAL_APP;
  return {
    clientId: 'test-internal-app',
    kind,
    scopes: INTERNAL_TEST_SCOPES.filter((scope) => scopesBeyondCeiling(kind, [scope]).length === 0),
    purpose: 'SERVICE',
    ...overrides,
  };
};

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }>;
}

export interface SubgraphHarness {
  dataSource: DataSource;
  storage: Storage;
  /** Runs one operation through the subgraph's real HTTP handler as `caller`. */
  execute<TData, TVars extends Record<string, unknown> = Record<string, never>>(
    document: TypedDocumentNode<TData, TVars> | DocumentNode | string,
    variables?: TVars,
    caller?: Caller,
  ): Promise<GraphQLResult<TData>>;
  close(): Promise<void>;
}

/** One subgraph on test storage with migrations applied, driven through its real server (no port). */
/** Subgraph-level tests exercise the subgraph's own behaviour; consent has its own tests. */
export const allowAllDecider: ConsentDecider = {
  decide: async (_caller, requests) => requests.map((r) => ({ ...r, allowed: true, reason: DecisionReason.CONSENT_GRANTED, consentRecordId: null })),
  audience: async () => ({ everyone: true, customerIds: [] }),
  categoryAudiences: async (_caller, categories) => categories.map((category) => ({ category, covered: true, everyone: true, customerIds: [] })),
};

export class RecordingDisclosureRecorder implements DisclosureRecorder {
  readonly recorded: { caller: Caller; subgraph: string; disclosures: Disclosure[] }[] = [];
  async record(caller: Caller, subgraph: string, disclosures: Disclosure[]) {
    this.recorded.push({ caller, subgraph, disclosures });
  }
}

export async function startSubgraphHarness(
  definition: SubgraphDefinition,
  privacy: SubgraphAppOptions['privacy'] = { consentDecider: allowAllDecider, disclosureRecorder: new RecordingDisclosureRecorder() },
  /** The subgraph's view of its peers; by default none answers. */
  peers: PeerClient = noPeers,
  /** Where aggregate noise is drawn from; by default the release policy settings'. */
  aggregateNoise?: NoiseSource,
  /** Whether feeds are taken on trust (no customers or transactions subgraph runs here); false checks them through `peers`. */
  trustFeeds = true,
): Promise<SubgraphHarness> {
  const storage = await openTestStorage([definition.storage.schema]);
  const dataSource = await openServiceDataSource(storage, { service: definition.name, ...definition.storage });
  const app = await definition.createApp(dataSource, { callerSigningKey: TEST_SIGNING_KEY, production: false, privacy, peers, aggregateNoise, trustFeeds });
  return {
    dataSource,
    storage,
    async execute(document, variables, caller = internalCaller()) {
      const query = typeof document === 'string' ? document : print(document);
      const headers = { [CALLER_HEADER]: signCallerToken(TEST_SIGNING_KEY, caller, definition.name) };
      const response = await app.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query, variables: variables ?? {} } },
        context: () => app.contextFor({ headers }),
      });
      if (response.body.kind !== 'complete' || !response.body.string) throw new Error('unexpected streamed response');
      return JSON.parse(response.body.string);
    },
    async close() {
      await app.apollo.stop();
      await dataSource.destroy();
      await storage.close();
    },
  };
}
