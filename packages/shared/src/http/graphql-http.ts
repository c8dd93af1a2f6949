import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { MAX_REQUEST_NESTING, nestingDepth } from './nesting';
import { applyCors, type CorsPolicy } from './cors';

const MAX_BODY_BYTES = 1_000_000;

export interface GraphQLHttpOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  context: (request: IncomingMessage) => Promise<Context>;
  /** Must exceed the keep-alive timeout of whoever calls us (the gateway), so we never close a socket it is about to reuse. */
  keepAliveTimeoutMs?: number;
  /** A request (headers and body) must have arrived within this bound, or it is answered 408 and closed. */
  requestTimeoutMs?: number;
  /** Origins of browser apps allowed to call across origins; none when omitted. */
  cors?: CorsPolicy;
}

/** Slowly dribbled requests hold a socket and memory each; honest clients send theirs in milliseconds. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const badRequest = (message: string) => Object.assign(new Error(message), { status: 400 });

/** Parsers and validators recurse over nesting: a body nested thousands deep would overflow the stack. */
function refuseDeepNesting(...texts: (string | null | undefined)[]) {
  for (const text of texts) {
    if (text && nestingDepth(text) > MAX_REQUEST_NESTING) throw badRequest(`the request nests deeper than ${MAX_REQUEST_NESTING} levels`);
  }
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  refuseDeepNesting(raw);
  if (contentType?.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw badRequest('request body is not valid JSON');
    }
    // The GraphQL text is a string inside the JSON: its own nesting is counted separately.
    const query = (parsed as { query?: unknown } | null)?.query;
    if (typeof query === 'string') refuseDeepNesting(query);
    return parsed;
  }
  return raw;
}

async function handle<Context extends BaseContext>(options: GraphQLHttpOptions<Context>, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (applyCors(options.cors, req, res)) return;
  if (url.pathname !== '/graphql' && url.pathname !== '/') {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    return;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  refuseDeepNesting(url.searchParams.get('query'), url.searchParams.get('variables'), url.searchParams.get('extensions'));
  const body = parseBody(await readBody(req), req.headers['content-type']);
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
    context: () => options.context(req),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** An HTTP server for an ApolloServer (POST /graphql, GET /health). Building it does not listen. */
export function createGraphQLHttpServer<Context extends BaseContext>(options: GraphQLHttpOptions<Context>): Server {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // Node checks request deadlines every connectionsCheckingInterval (30 s by default): check often enough to honour them.
  const server = createServer({ requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1_000, requestTimeout) }, (req, res) => {
    handle(options, req, res).catch((error: Error & { status?: number }) => {
      if (!res.headersSent) res.writeHead(error.status ?? 500, { 'content-type': 'application/json' });
      const code = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : error.status ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
      res.end(JSON.stringify({ errors: [{ message: error.status ? error.message : 'Internal server error', extensions: { code } }] }));
    });
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 65_000;
  return server;
}

export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}/graphql`;
}

export async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
