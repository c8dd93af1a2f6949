import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { createGraphQLHttpServer, maskError } from '@c360/shared';
import { createBearerAuthenticator, type AuthOptions } from './auth/bearer-authenticator';
import type { GatewayConfig, SubgraphName } from './config';
import type { GatewayContext } from './gateway-context';
import { SignedCallerDataSource, timeoutFetcher } from './signed-data-source';

/** Builds the gateway over the static supergraph; never listens (tests and main decide). */
export type GatewayAppConfig = Omit<GatewayConfig, 'port' | 'host' | 'auth'> & { auth: AuthOptions };

export async function createGatewayApp(config: GatewayAppConfig) {
  const authenticate = createBearerAuthenticator(config.auth);
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const fetcher = timeoutFetcher(config.subgraphTimeoutMs);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SignedCallerDataSource(name, config.subgraphUrls[name as SubgraphName] ?? url ?? '', config.callerSigningKey, fetcher),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: maskError('gateway'),
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
  });
  await apollo.start();
  const http = createGraphQLHttpServer<GatewayContext>({
    apollo,
    context: async (request) => ({ caller: await authenticate(request) }),
  });
  return { apollo, http };
}
