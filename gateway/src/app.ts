import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { accessRecordPlugin, createGraphQLHttpServer, createKeepAliveFetch, maskError, offlinePlugins, peerCheck, type MetricsAccess } from '@c360/shared';
import { createBearerAuthenticator, type AuthOptions } from './auth/bearer-authenticator';
import type { GatewayConfig, SubgraphName } from './config';
import type { GatewayContext } from './gateway-context';
import { SignedCallerDataSource, subgraphFetcher } from './signed-data-source';
import { costLimitPlugin } from './operation-cost';
import { codeClientRequestErrors, operationChoicePlugin } from './edge/client-request-errors';
import { inputValuesPlugin } from './edge/input-values';
import { createRateLimit, type RateLimitSettings } from './edge/rate-limit';
import { loadTrustedDocuments, trustedDocumentCache, trustedDocumentsPlugin } from './edge/trusted-documents';
import { importProxy, supergraphUrls } from './import-proxy';
import { inputEchoGuardPlugin } from './input-echo-guard';
import { DEFAULT_QUERY_LIMITS, queryLimitRules, type QueryLimits } from './query-limits';
import { webAppRoutes, type WebOptions } from './web/web-app';

/** Builds the gateway over the static supergraph; never listens (tests and main decide). */
export type GatewayAppConfig = Omit<GatewayConfig, 'port' | 'host' | 'auth' | 'limits' | 'operations' | 'rateLimit' | 'web'> & {
  auth: AuthOptions;
  limits?: QueryLimits;
  metrics?: MetricsAccess;
  rateLimit?: RateLimitSettings;
  /** The privacy centre and console (/privacy, /console); not served when omitted. */
  web?: WebOptions;
};

export async function createGatewayApp(config: GatewayAppConfig) {
  const authenticate = createBearerAuthenticator(config.auth);
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const fromSupergraph = supergraphUrls(supergraphSdl);
  const fetcher = subgraphFetcher(createKeepAliveFetch(), config.subgraphTimeoutMs);
  // Where each subgraph is, as the gateway resolved it: /ready asks each one's /ready.
  const subgraphs = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const resolved = config.subgraphUrls[name as SubgraphName] ?? url ?? '';
      subgraphs.set(name, resolved);
      return new SignedCallerDataSource(name, resolved, config.callerSigningKey, fetcher);
    },
  });
  const limits = config.limits ?? DEFAULT_QUERY_LIMITS;
  const rateLimit = config.rateLimit && createRateLimit(config.rateLimit);
  if (config.web?.developmentSignIn && config.production) throw new Error('the development sign-in is refused in production');
  if (config.trustedDocuments.adHocAllowed && config.production) throw new Error('ad-hoc operations for PARTNER and BI tokens are refused in production');
  const trustedDocuments = loadTrustedDocuments(config.trustedDocuments.dir);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // No cache-control policy is computed: responses carry personal data and are never cached.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...offlinePlugins<GatewayContext>(config.production),
      accessRecordPlugin<GatewayContext>(),
      costLimitPlugin<GatewayContext>(limits.maxCost),
      operationChoicePlugin(),
      trustedDocumentsPlugin(trustedDocuments, config.trustedDocuments.adHocAllowed),
      inputValuesPlugin(),
      inputEchoGuardPlugin<GatewayContext>(),
    ],
    persistedQueries: { cache: trustedDocumentCache(trustedDocuments) },
    // main drains requests in flight first; Apollo's own handler would stop mid-request and re-signal.
    stopOnTerminationSignals: false,
    validationRules: queryLimitRules(limits),
    formatError: codeClientRequestErrors(maskError('gateway')),
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
  });
  await apollo.start();
  const http = createGraphQLHttpServer<GatewayContext>({
    apollo,
    service: 'gateway',
    edge: true,
    readiness: [...subgraphs].map(([name, url]) => peerCheck(`subgraph ${name}`, url, '/ready')),
    metrics: config.metrics,
    routes: webAppRoutes(config.web, apollo, importProxy({ authenticate, callerSigningKey: config.callerSigningKey, urlOf: (name) => config.subgraphUrls[name] ?? fromSupergraph[name] })),
    requestTimeoutMs: config.requestTimeoutMs,
    cors: { allowedOrigins: config.corsAllowedOrigins ?? [] },
    context: async (request) => {
      const caller = await authenticate(request);
      await rateLimit?.(caller);
      return { caller };
    },
  });
  return { apollo, http };
}
