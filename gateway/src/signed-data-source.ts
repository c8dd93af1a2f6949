import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADER, ErrorCode, reusableCallerToken, serviceLogger, subgraphFetchDuration } from '@c360/shared';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GatewayContext } from './gateway-context';

import type { KeepAliveFetch } from '@c360/shared';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** Subgraph calls over keep-alive node:http, each bounded by `timeoutMs`. */
export function subgraphFetcher(fetch: KeepAliveFetch, timeoutMs: number): Fetcher {
  return ((url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => fetch(url, { ...init, timeoutMs })) as unknown as Fetcher;
}

/** Sends each subgraph the caller, signed for that subgraph only. */
export class SignedCallerDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly signingKey: string,
    fetcher: Fetcher,
  ) {
    super({ url, fetcher });
  }

  /**
   * A subgraph that is down, slow past the timeout or refusing us becomes an error on
   * the fields it owns; the gateway still returns what the other subgraphs answered.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const timer = subgraphFetchDuration.startTimer({ subgraph: this.subgraphName });
    try {
      const response = await super.process(options);
      timer({ outcome: response.errors?.length ? 'error' : 'ok' });
      return response;
    } catch (error) {
      timer({ outcome: 'unavailable' });
      const reason = error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : error.message) : String(error);
      serviceLogger('gateway').warn({ subgraph: this.subgraphName, reason }, 'subgraph failed');
      return {
        errors: [{ message: `The ${this.subgraphName} service is unavailable`, extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: this.subgraphName } }],
      } as GatewayGraphQLResponse;
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context.caller) return;
    headers.set(CALLER_HEADER, reusableCallerToken(this.signingKey, context.caller, this.subgraphName));
  }
}
