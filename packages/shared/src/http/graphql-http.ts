import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context as otelContext } from '@opentelemetry/api';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { recordAccess } from '../observability/access-log';
import { metricsRegistry } from '../observability/metrics';
import { readinessReport, type ReadinessCheck } from '../observability/readiness';
import { acceptedRequestId, newRequestId, newSpanId, newTraceId, parseTraceparent, REQUEST_ID_HEADER, runInScope, TRACEPARENT_HEADER, type RequestScope } from '../observability/request-scope';
import { endSpan, startServerSpan, tracingEnabled } from '../observability/tracing';
import { MAX_REQUEST_NESTING, nestingDepth } from './nesting';
import { applyCors, type CorsPolicy } from './cors';

const MAX_BODY_BYTES = 1_000_000;

/** Who may read /metrics: anyone (development), holders of a bearer token, or no one. */
export type MetricsAccess = 'open' | 'off' | { token: string };

export interface GraphQLHttpOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  context: (request: IncomingMessage) => Promise<Context>;
  /** Service name in logs, metrics and traces. */
  service: string;
  /** The gateway: every request starts a new request id and trace (callers' ids are not trusted). */
  edge?: boolean;
  /** What /ready checks; /health never checks anything. */
  readiness?: readonly ReadinessCheck[];
  metrics?: MetricsAccess;
  /** Must exceed the keep-alive timeout of whoever calls us (the gateway), so we never close a socket it is about to reuse. */
  keepAliveTimeoutMs?: number;
  /** A request (headers and body) must have arrived within this bound, or it is answered 408 and closed. */
  requestTimeoutMs?: number;
  /** Origins of browser apps allowed to call across origins; none when omitted. */
  cors?: CorsPolicy;
  /** Non-GraphQL endpoints (e.g. streamed bulk import); returns false when the request is not theirs. */
  routes?: HttpRoutes;
}

/** Handles a request outside GraphQL, or returns false to let GraphQL have it. */
export type HttpRoutes = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;

const draining = new WeakSet<Server>();

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

const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

async function serveReady(checks: readonly ReadinessCheck[], server: Server, res: ServerResponse) {
  if (draining.has(server)) return json(res, 503, { status: 'stopping', checks: {} });
  const report = await readinessReport(checks);
  json(res, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', checks: report.checks });
}

async function serveMetrics(access: MetricsAccess, req: IncomingMessage, res: ServerResponse) {
  if (access === 'off') return json(res, 404, { error: 'not found' });
  if (access !== 'open' && req.headers.authorization !== `Bearer ${access.token}`) {
    return res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }).end('{"error":"metrics need the metrics token"}');
  }
  res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(await metricsRegistry.metrics());
}

/** Error codes of a response Apollo answered before any plugin ran (e.g. an unverifiable caller). */
function codesOf(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    return (parsed.errors ?? []).map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');
  } catch {
    return [];
  }
}

async function serveGraphQL<Context extends BaseContext>(options: GraphQLHttpOptions<Context>, server: Server, req: IncomingMessage, res: ServerResponse, url: URL, scope: RequestScope) {
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
  res.setHeader(REQUEST_ID_HEADER, scope.requestId);
  // While draining, every answer closes its connection so the server can finish.
  if (draining.has(server)) res.setHeader('connection', 'close');
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    if (res.statusCode >= 400 && scope.access.errorCodes.size === 0) for (const code of codesOf(response.body.string)) scope.access.errorCodes.add(code);
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Continues the caller's trace (subgraphs) or starts one (the gateway); ids are logged with every line. */
function scopeFor(options: Pick<GraphQLHttpOptions<BaseContext>, 'edge' | 'service'>, req: IncomingMessage): RequestScope {
  const incoming = options.edge ? undefined : parseTraceparent(req.headers[TRACEPARENT_HEADER] as string | undefined);
  return {
    service: options.service,
    requestId: (!options.edge && acceptedRequestId(req.headers[REQUEST_ID_HEADER])) || newRequestId(),
    traceId: incoming?.traceId ?? newTraceId(),
    spanId: newSpanId(),
    sampled: incoming?.sampled ?? false,
    access: { errorCodes: new Set() },
  };
}

async function handle<Context extends BaseContext>(options: GraphQLHttpOptions<Context>, server: Server, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') return json(res, 200, { status: 'ok' });
  if (url.pathname === '/ready') return serveReady(options.readiness ?? [], server, res);
  if (url.pathname === '/metrics') return serveMetrics(options.metrics ?? 'open', req, res);
  if (options.routes && (await options.routes(req, res, url))) return;
  if (applyCors(options.cors, req, res)) return;
  if (url.pathname !== '/graphql' && url.pathname !== '/') return json(res, 404, { error: 'not found' });

  const started = process.hrtime.bigint();
  const scope = scopeFor(options, req);
  const traced = tracingEnabled() ? startServerSpan(options.service, req.headers, options.edge ?? false) : undefined;
  if (traced) {
    const span = traced.span.spanContext();
    Object.assign(scope, { traceId: span.traceId, spanId: span.spanId, sampled: (span.traceFlags & 1) === 1 });
  }
  const callerGone = new AbortController();
  res.once('close', () => {
    // The caller (the gateway at its subgraph timeout) closed the socket first: its database work is cancelled.
    if (!res.writableFinished) callerGone.abort();
    const status = res.writableFinished ? res.statusCode : 499; // 499: the caller went away first
    recordAccess(scope, status, Number(process.hrtime.bigint() - started) / 1e9);
    endSpan(traced?.span, status);
  });
  scope.signal = callerGone.signal;
  const serve = () => runInScope(scope, () => serveGraphQL(options, server, req, res, url, scope));
  await (traced ? otelContext.with(traced.context, serve) : serve());
}

/** An HTTP server for an ApolloServer (POST /graphql, GET /health, /ready, /metrics). Building it does not listen. */
export function createGraphQLHttpServer<Context extends BaseContext>(options: GraphQLHttpOptions<Context>): Server {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // Node checks request deadlines every connectionsCheckingInterval (30 s by default): check often enough to honour them.
  const server: Server = createServer({ requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1_000, requestTimeout) }, (req, res) => {
    handle(options, server, req, res).catch((error: Error & { status?: number }) => {
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

/**
 * Stops accepting connections and lets requests in flight finish, for at most `drainMs`; then
 * closes whatever is left. Answers whether everything finished in time.
 */
export async function drainServer(server: Server, drainMs = 10_000): Promise<boolean> {
  draining.add(server);
  if (!server.listening) return true;
  let timer: NodeJS.Timeout | undefined;
  const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
  server.closeIdleConnections();
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), drainMs);
  });
  const finished = await Promise.race([closed, deadline]);
  clearTimeout(timer);
  if (!finished) {
    server.closeAllConnections();
    await closed;
  }
  return finished;
}

/** Stops at once (tests, failed starts): requests in flight are cut. */
export async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
