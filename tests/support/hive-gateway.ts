import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { CALLER_HEADER, signCallerToken, type Caller } from '@c360/shared';
import { createBearerAuthenticator, type AuthOptions } from '../../gateway/src/auth/bearer-authenticator';

/**
 * The few parts of @graphql-hive/gateway (the declared dev dependency; it re-exports its runtime)
 * used here, typed locally: importing its types pulls in Yoga's augmentation of
 * GraphQLErrorExtensions, which breaks the gateway's own typing.
 */
interface GatewayPlugin {
  onRequest?(payload: { request: Request; endResponse(response: Response): void; fetchAPI: { Response: typeof Response } }): Promise<void> | void;
}
interface GatewayRuntime {
  (request: unknown, response: unknown): void;
  dispose(): Promise<void> | void;
}
interface GatewayRuntimeConfig {
  supergraph: string;
  logging: boolean;
  landingPage: boolean;
  graphiql: boolean;
  plugins: () => GatewayPlugin[];
  propagateHeaders: { fromClientToSubgraphs(payload: { request: Request; subgraphName: string }): Record<string, string | undefined> };
}
const { createGatewayRuntime } = createRequire(__filename)('@graphql-hive/gateway') as { createGatewayRuntime(config: GatewayRuntimeConfig): GatewayRuntime };

export interface HiveGatewayOptions {
  supergraphPath: string;
  /** Where each subgraph listens (the supergraph names localhost:400x). */
  subgraphUrls: Record<string, string>;
  callerSigningKey: string;
  auth: AuthOptions;
}

export interface RunningHiveGateway {
  url: string;
  stop(): Promise<void>;
}

/** The supergraph as composed, with each `@join__graph` pointed at where that subgraph runs. */
function supergraphAt(path: string, urls: Record<string, string>): string {
  return readFileSync(path, 'utf8').replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, (whole, name: string) => {
    if (!urls[name]) throw new Error(`no URL for subgraph ${name}`);
    return `@join__graph(name: "${name}", url: "${urls[name]}")`;
  });
}

/**
 * Verifies the bearer token exactly as our gateway does and answers 401 without executing
 * anything when it does not verify; the verified caller is kept per request.
 */
function useBearerCaller(auth: AuthOptions, callers: WeakMap<Request, Caller>): GatewayPlugin {
  const authenticate = createBearerAuthenticator(auth);
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      if (!request.url.endsWith('/graphql')) return;
      try {
        callers.set(request, await authenticate({ headers: { authorization: request.headers.get('authorization') ?? undefined } }));
      } catch (error) {
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] }), {
            status: 401,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
    },
  };
}

/**
 * Hive Gateway (the Guild's federation router) over our supergraph, sending each subgraph the
 * caller signed for it. The header goes in through `propagateHeaders`, which puts it on the
 * subgraph request's `extensions.headers`: the upstream in-flight de-duplication keys on those
 * headers too, so two callers' identical subgraph requests are never merged. Headers added in an
 * `onFetch` hook are invisible to that key: concurrent callers would receive each other's answers.
 * No reporting, no landing page, no GraphiQL: nothing leaves the machine.
 */
export async function startHiveGateway(options: HiveGatewayOptions): Promise<RunningHiveGateway> {
  const callers = new WeakMap<Request, Caller>();
  const runtime = createGatewayRuntime({
    supergraph: supergraphAt(options.supergraphPath, options.subgraphUrls),
    logging: false,
    landingPage: false,
    graphiql: false,
    plugins: () => [useBearerCaller(options.auth, callers)],
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) => {
        const caller = callers.get(request);
        // Never reached without a caller (the plugin ends such requests); an unsigned call is refused by the subgraph.
        return caller ? { [CALLER_HEADER]: signCallerToken(options.callerSigningKey, caller, subgraphName) } : {};
      },
    },
  });
  const server: Server = createServer(runtime as Parameters<typeof createServer>[1]);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}
