import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/**
 * Mistakes the gateway's executor would otherwise throw on as internal errors: a document
 * whose operation cannot be chosen, and subscriptions (the gateway serves none).
 */
export function operationChoicePlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (!operation) {
            const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition').length;
            if (request.operationName) throw badRequest('operationName does not name an operation of this document');
            throw badRequest(operations > 1 ? 'The document holds several operations: send operationName to choose one' : 'The document holds no operation');
          }
          if (operation.operation === 'subscription') throw badRequest('Subscriptions are not supported by this graph');
        },
      };
    },
  };
}

/**
 * Apollo Server answers some request mistakes (a persisted-query hash that does not match its
 * query, an unsupported version) with a 4xx but no code, which would be masked as internal.
 */
export function codeClientRequestErrors(format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const status = (error as { extensions?: { http?: { status?: number } } } | undefined)?.extensions?.http?.status;
    const uncoded = formatted.extensions?.code === undefined || formatted.extensions.code === 'INTERNAL_SERVER_ERROR';
    if (error instanceof GraphQLError && uncoded && status !== undefined && status >= 400 && status < 500) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    return format(formatted, error);
  };
}
