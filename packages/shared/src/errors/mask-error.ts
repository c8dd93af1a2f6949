import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';
import { serviceLogger } from '../observability/logger';
import { withoutInputValues } from './input-free-errors';
import { isDatabaseUnavailable } from '../storage/pg-errors';

const CLIENT_SAFE_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo `formatError`: errors we raised on purpose (DomainError, input validation,
 * GraphQL syntax/validation) pass through without any input value they quoted; a database that cannot be reached
 * becomes SUBGRAPH_UNAVAILABLE; anything else (a driver error with SQL in it, a bug) is logged here and replaced by a
 * generic message without stack or SQL.
 */
export function maskError(service: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    const safe = original instanceof DomainError || (typeof code === 'string' && CLIENT_SAFE_CODES.has(code));
    if (safe) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return withoutInputValues({ ...formatted, extensions });
    }
    if (isDatabaseUnavailable(original)) {
      // Typed, so clients know to retry; the driver's words (hosts, users) stay in our logs.
      serviceLogger(service).warn({ errorCode: (original as { code?: unknown }).code }, 'database unavailable');
      return { message: `The ${service} service is unavailable`, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: service } };
    }
    logInternalError(service, original);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Where it failed, not what it said: a driver's message can quote input values (personal data). */
function logInternalError(service: string, error: unknown): void {
  if (!(error instanceof Error)) return serviceLogger(service).error({ errorType: typeof error }, 'internal error');
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  serviceLogger(service).error({ errorName: error.name, errorCode: (error as { code?: unknown }).code, stack: frames.join('\n') }, 'internal error');
}
