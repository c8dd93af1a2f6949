import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADER, signCallerToken } from '@c360/shared';
import type { GatewayContext } from './gateway-context';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** fetch with a bounded time per subgraph call; Node's fetch keeps connections alive and reuses them. */
export function timeoutFetcher(timeoutMs: number): Fetcher {
  return ((url: string, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
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

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context.caller) return;
    headers.set(CALLER_HEADER, signCallerToken(this.signingKey, context.caller, this.subgraphName));
  }
}
