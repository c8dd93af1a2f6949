import { CallerKind, isUuid, type HttpRoutes } from '@c360/shared';
import { DEFAULT_SCOPES } from '../auth/caller-claims';
import { idTokenVerifier } from './id-token-verifier';
import type { SignInLookups } from './sign-in-lookups';
import { readJsonBody, sendJson, sendSignInError, SignInError } from './sign-in-errors';
import { mappedStaffRole, STAFF_ROLES } from './staff-roles';
import type { TokenMinter } from './token-minter';
import type { ConsoleOidcSettings, PrivacyOidcSettings } from './web-settings';

const MAX_BODY = 16_000;

/**
 * The second half of the authorization-code + PKCE flow the browser ran with the provider: it posts
 * the ID token it received, the gateway verifies it and maps its subject to a caller, then mints
 * a customer-360 access token (kept in the page's memory).
 *   POST /sign-in/oidc/privacy  {"idToken":"…"}  -> the customer whose external id (PRIVACY_OIDC_SUBJECT_SYSTEM) is the subject
 *   POST /sign-in/oidc/console  {"idToken":"…"}  -> a staff token for the first mapped role in CONSOLE_OIDC_ROLE_CLAIM
 */
export function oidcSignInRoutes(options: { privacy?: PrivacyOidcSettings; console?: ConsoleOidcSettings; minter: TokenMinter; lookups: SignInLookups }): HttpRoutes {
  const { privacy, console: staff, minter, lookups } = options;
  const verifyCustomer = privacy && idTokenVerifier(privacy);
  const verifyStaff = staff && idTokenVerifier(staff);

  const customerToken = async (idToken: string) => {
    const claims = await verifyCustomer!(idToken);
    const customerId = await lookups.customerBySubject(privacy!.subjectSystem, claims.sub);
    if (!customerId || !isUuid(customerId)) throw new SignInError('NOT_LINKED', 'No customer profile is linked to this sign-in');
    return minter.mint({ client_id: privacy!.clientId, kind: CallerKind.CUSTOMER, scope: DEFAULT_SCOPES[CallerKind.CUSTOMER], purpose: 'SERVICE', customer_id: customerId });
  };
  const staffToken = async (idToken: string) => {
    const claims = await verifyStaff!(idToken);
    const mapping = mappedStaffRole(staff!.roles, claims[staff!.roleClaim]);
    if (!mapping) throw new SignInError('NO_STAFF_ROLE', 'This sign-in holds no role the console maps to staff access');
    if (!(await lookups.purposeCodes()).includes(mapping.purpose)) throw new SignInError('UNKNOWN_PURPOSE', 'The role’s declared purpose is not a known purpose');
    return minter.mint({ client_id: staff!.clientId, sub: claims.sub, kind: CallerKind.INTERNAL_APP, scope: STAFF_ROLES[mapping.role], purpose: mapping.purpose });
  };

  return async (request, response, url) => {
    const exchange = url.pathname === '/sign-in/oidc/privacy' && verifyCustomer ? customerToken : url.pathname === '/sign-in/oidc/console' && verifyStaff ? staffToken : undefined;
    if (!exchange) return false;
    if (request.method !== 'POST') return (response.writeHead(405, { allow: 'POST' }).end(), true);
    try {
      const body = await readJsonBody(request, MAX_BODY);
      if (typeof body?.idToken !== 'string' || !/^[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+$/.test(body.idToken)) throw new SignInError('BAD_REQUEST', 'Expected {"idToken":"<JWT>"}');
      sendJson(response, 200, { token: await exchange(body.idToken) });
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      sendSignInError(response, error);
    }
    return true;
  };
}
