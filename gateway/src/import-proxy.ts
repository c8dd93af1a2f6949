import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import { GraphQLError } from 'graphql';
import { CALLER_HEADER, CallerKind, ErrorCode, signCallerToken, type Caller, type HttpRoutes } from '@c360/shared';
import type { SubgraphName } from './config';

/** Which subgraph owns each import kind (it owns the tables the kind merges into). */
export const IMPORT_KIND_OWNERS: Record<string, SubgraphName> = {
  orders: 'transactions',
  products: 'transactions',
  'stock-levels': 'transactions',
  'stock-movements': 'transactions',
  customers: 'customers',
  interactions: 'customers',
  'offer-responses': 'offers',
};

const IMPORT_PATH = /^\/import\/([a-z-]+)(\/jobs\/[0-9a-f-]{36}(\/bad-rows)?)?$/;

export interface ImportProxyOptions {
  authenticate(request: IncomingMessage): Promise<Caller>;
  /** The owning subgraph's GraphQL URL. */
  urlOf(subgraph: SubgraphName): string | undefined;
  callerSigningKey: string;
}

function refuse(response: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * `POST /import/<kind>` and `GET /import/<kind>/jobs/<id>/bad-rows` for ERP integration tokens:
 * the body is piped to the owning subgraph as it arrives (never buffered here) with the signed
 * caller, and the subgraph's answer is piped back.
 */
export function importProxy(options: ImportProxyOptions): HttpRoutes {
  return async (request, response, url) => {
    const match = IMPORT_PATH.exec(url.pathname);
    if (!match) return false;
    let caller: Caller;
    try {
      caller = await options.authenticate(request);
    } catch (error) {
      const http = error instanceof GraphQLError ? (error.extensions.http as { headers?: Map<string, string> } | undefined) : undefined;
      request.resume();
      refuse(response, 401, ErrorCode.UNAUTHENTICATED, error instanceof GraphQLError ? error.message : 'Invalid access token', Object.fromEntries(http?.headers ?? []));
      return true;
    }
    const owner = IMPORT_KIND_OWNERS[match[1]];
    const target = owner && options.urlOf(owner);
    if (caller.kind !== CallerKind.ERP_INTEGRATION) {
      request.resume();
      refuse(response, 403, ErrorCode.FORBIDDEN, 'Bulk import is for ERP integration tokens');
      return true;
    }
    if (!owner || !target) {
      request.resume();
      refuse(response, 404, ErrorCode.NOT_FOUND, 'No such import kind');
      return true;
    }
    const upstreamUrl = new URL(url.pathname + url.search, target);
    const headers: Record<string, string> = { [CALLER_HEADER]: signCallerToken(options.callerSigningKey, caller, owner) };
    for (const name of ['content-type', 'content-length', 'transfer-encoding']) if (request.headers[name]) headers[name] = String(request.headers[name]);
    const send = upstreamUrl.protocol === 'https:' ? httpsRequest : httpRequest;
    await new Promise<void>((resolve) => {
      const upstream = send(upstreamUrl, { method: request.method, headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
        pipeline(answer, response).then(resolve, resolve);
      });
      upstream.on('error', (error) => {
        process.stderr.write(`[gateway] import to ${owner} failed: ${error.message}\n`);
        if (!response.headersSent) refuse(response, 502, ErrorCode.SUBGRAPH_UNAVAILABLE, `The ${owner} service is unavailable`);
        else response.destroy();
        resolve();
      });
      pipeline(request, upstream).catch(() => upstream.destroy());
    });
    return true;
  };
}

/** The subgraph URLs the supergraph names, for services the gateway config does not override. */
export function supergraphUrls(supergraphSdl: string): Partial<Record<SubgraphName, string>> {
  const urls: Partial<Record<SubgraphName, string>> = {};
  for (const m of supergraphSdl.matchAll(/@join__graph\(name: "([a-z]+)", url: "([^"]+)"\)/g)) urls[m[1] as SubgraphName] = m[2];
  return urls;
}
