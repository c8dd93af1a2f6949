import type { IncomingMessage } from 'node:http';
import { CallerKind, isUuid, type HttpRoutes } from '@c360/shared';
import { DEFAULT_SCOPES } from '../auth/caller-claims';
import type { SignInLookups } from './sign-in-lookups';
import { readJsonBody, sendJson, sendSignInError, SignInError } from './sign-in-errors';
import { isStaffRole, STAFF_ROLES } from './staff-roles';
import type { TokenMinter } from './token-minter';

/**
 * DEVELOPMENT ONLY (refused in production): mints access tokens with the development key so the
 * privacy centre and the console can sign in without an identity provider.
 *   GET  /dev/sign-in/customers  -> a few demo customers to pick from
 *   POST /dev/sign-in/token      {"kind":"CUSTOMER","customerId":"…"} | {"kind":"STAFF","role":"AGENT"|"PRIVACY_OFFICER","purpose":"MARKETING"}
 */
export type DevelopmentSignIn = TokenMinter;

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

async function staffToken(signIn: DevelopmentSignIn, lookups: SignInLookups, body: Record<string, unknown>): Promise<string> {
  const role = body.role ?? 'AGENT';
  if (!isStaffRole(role)) throw new SignInError('UNKNOWN_ROLE', `role must be one of ${Object.keys(STAFF_ROLES).join(', ')}`);
  if (typeof body.purpose !== 'string' || !(await lookups.purposeCodes()).includes(body.purpose)) throw new SignInError('UNKNOWN_PURPOSE', 'purpose must be the code of a known purpose');
  return signIn.mint({ client_id: 'console-dev', kind: CallerKind.INTERNAL_APP, scope: STAFF_ROLES[role], purpose: body.purpose });
}

export function developmentSignInRoutes(signIn: DevelopmentSignIn, lookups: SignInLookups): HttpRoutes {
  return async (request, response, url) => {
    if (!url.pathname.startsWith('/dev/sign-in/') || !fromThisMachine(request)) return false;
    if (url.pathname === '/dev/sign-in/customers' && request.method === 'GET') {
      sendJson(response, 200, { customers: await lookups.demoCustomers() });
      return true;
    }
    if (url.pathname !== '/dev/sign-in/token' || request.method !== 'POST') return (sendJson(response, 404, { error: { code: 'NOT_FOUND', message: 'not found' } }), true);
    try {
      const body = await readJsonBody(request, MAX_BODY);
      if (body?.kind === 'CUSTOMER' && typeof body.customerId === 'string' && isUuid(body.customerId)) {
        // An erased (or unknown) customer cannot sign in.
        const customerId = await lookups.customer(body.customerId);
        if (!customerId) throw new SignInError('NO_SUCH_CUSTOMER', 'no such customer');
        const token = await signIn.mint({ client_id: 'privacy-centre-dev', kind: CallerKind.CUSTOMER, scope: DEFAULT_SCOPES[CallerKind.CUSTOMER], purpose: 'SERVICE', customer_id: customerId });
        return (sendJson(response, 200, { token, customerId }), true);
      }
      if (body?.kind === 'STAFF') return (sendJson(response, 200, { token: await staffToken(signIn, lookups, body) }), true);
      throw new SignInError('BAD_REQUEST', 'expected {"kind":"CUSTOMER","customerId":<uuid>} or {"kind":"STAFF","role":<ROLE>,"purpose":<CODE>}');
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      sendSignInError(response, error);
      return true;
    }
  };
}
