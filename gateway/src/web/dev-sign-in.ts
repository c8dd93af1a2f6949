import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { CallerKind, isUuid, type HttpRoutes } from '@c360/shared';
import { DEFAULT_SCOPES, type CallerClaims } from '../auth/caller-claims';
import type { GatewayContext } from '../gateway-context';

/**
 * DEVELOPMENT ONLY (refused in production): mints access tokens with the development key so the
 * privacy centre and the console can sign in without an identity provider.
 *   GET  /dev/sign-in/customers  -> a few demo customers to pick from
 *   POST /dev/sign-in/token      {"kind":"CUSTOMER","customerId":"…"} | {"kind":"STAFF","purpose":"MARKETING"}
 */
export interface DevelopmentSignIn {
  mint(claims: CallerClaims): Promise<string>;
}

const SERVICE_CALLER = { clientId: 'dev-sign-in', kind: CallerKind.INTERNAL_APP, scopes: ['customers:read', 'customers.pii:read'], purpose: 'SERVICE' };
const MAX_BODY = 1_000;
const LOOPBACK_ADDRESS = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/;
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

/**
 * Only a browser on this machine, at a loopback name: the gateway listens on 0.0.0.0 by default, so
 * without this anyone on the network could mint staff tokens, and a page whose DNS name is rebound to
 * 127.0.0.1 could read the answers same-origin.
 */
function fromThisMachine(request: IncomingMessage): boolean {
  return LOOPBACK_ADDRESS.test(request.socket.remoteAddress ?? '') && LOOPBACK_HOST.test(request.headers.host ?? '');
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  let raw = '';
  for await (const chunk of request) {
    raw += String(chunk);
    if (raw.length > MAX_BODY) return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function developmentSignInRoutes(signIn: DevelopmentSignIn, apollo: ApolloServer<GatewayContext>): HttpRoutes {
  const ask = async <T>(query: string, variables: Record<string, unknown>) => {
    const result = await apollo.executeOperation({ query, variables }, { contextValue: { caller: SERVICE_CALLER } });
    return result.body.kind === 'single' ? (result.body.singleResult.data as T | undefined) : undefined;
  };
  const send = (response: import('node:http').ServerResponse, status: number, body: unknown) =>
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  return async (request, response, url) => {
    if (!url.pathname.startsWith('/dev/sign-in/') || !fromThisMachine(request)) return false;
    if (url.pathname === '/dev/sign-in/customers' && request.method === 'GET') {
      const data = await ask<{ customers: { edges: { node: { id: string; displayName: string | null } }[] } }>('{ customers(first: 8) { edges { node { id displayName } } } }', {});
      send(response, 200, { customers: data?.customers.edges.map((e) => e.node) ?? [] });
      return true;
    }
    if (url.pathname === '/dev/sign-in/token' && request.method === 'POST') {
      const body = await readJson(request);
      if (body?.kind === 'CUSTOMER' && typeof body.customerId === 'string' && isUuid(body.customerId)) {
        // An erased (or unknown) customer cannot sign in.
        const data = await ask<{ customer: { id: string } | null }>('query($id: ID!) { customer(id: $id) { id } }', { id: body.customerId });
        if (!data?.customer) return (send(response, 401, { error: 'no such customer' }), true);
        const token = await signIn.mint({ client_id: 'privacy-centre-dev', kind: CallerKind.CUSTOMER, scope: DEFAULT_SCOPES[CallerKind.CUSTOMER], purpose: 'SERVICE', customer_id: data.customer.id });
        return (send(response, 200, { token, customerId: data.customer.id }), true);
      }
      if (body?.kind === 'STAFF' && typeof body.purpose === 'string' && /^[A-Z][A-Z_]{1,63}$/.test(body.purpose)) {
        const token = await signIn.mint({ client_id: 'console-dev', kind: CallerKind.INTERNAL_APP, scope: DEFAULT_SCOPES[CallerKind.INTERNAL_APP], purpose: body.purpose });
        return (send(response, 200, { token }), true);
      }
      send(response, 400, { error: 'expected {"kind":"CUSTOMER","customerId":<uuid>} or {"kind":"STAFF","purpose":<CODE>}' });
      return true;
    }
    send(response, 404, { error: 'not found' });
    return true;
  };
}
