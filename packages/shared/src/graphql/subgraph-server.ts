import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { CALLER_HEADER, verifyCallerToken } from '../context/caller-token';
import type { SubgraphContext } from '../context/subgraph-context';
import { ErrorCode } from '../errors/error-codes';
import { maskError } from '../errors/mask-error';
import { createGraphQLHttpServer } from '../http/graphql-http';

export interface SubgraphServerOptions<Loaders> {
  /** Subgraph name; also the audience the gateway signs caller tokens for. */
  name: string;
  schema: GraphQLSchema;
  /** Shared secret with the gateway for caller tokens. */
  callerSigningKey: string;
  /** Builds this request's DataLoaders (never shared between requests). */
  createLoaders: () => Loaders;
  production?: boolean;
}

export interface SubgraphServer<Loaders> {
  schema: GraphQLSchema;
  apollo: ApolloServer<SubgraphContext<Loaders>>;
  http: Server;
  /** The per-request context factory, exposed for in-process tests. */
  contextFor(request: Pick<IncomingMessage, 'headers'>): Promise<SubgraphContext<Loaders>>;
}

/** The one way every subgraph is served: caller verification, per-request loaders, masked errors. */
export async function createSubgraphServer<Loaders>(options: SubgraphServerOptions<Loaders>): Promise<SubgraphServer<Loaders>> {
  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema: options.schema,
    // Inline tracing costs CPU on every request and nothing here consumes it.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: maskError(options.name),
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    hideSchemaDetailsFromClientErrors: !!options.production,
  });
  await apollo.start();

  const contextFor = async (request: Pick<IncomingMessage, 'headers'>): Promise<SubgraphContext<Loaders>> => {
    const header = request.headers[CALLER_HEADER];
    const check = verifyCallerToken(options.callerSigningKey, Array.isArray(header) ? header[0] : header, options.name);
    if (!check.ok) {
      throw new GraphQLError(`Subgraph ${options.name} only answers the gateway: ${check.reason}`, {
        extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
      });
    }
    return { requestId: randomUUID(), caller: check.caller, loaders: options.createLoaders() };
  };

  return { schema: options.schema, apollo, http: createGraphQLHttpServer({ apollo, context: contextFor }), contextFor };
}
