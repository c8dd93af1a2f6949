import { CallerKind, isUuid, type HttpRoutes } from '@c360/shared';
import { DEFAULT_SCOPES } from '../auth/caller-claims';
import { CLOCK_TOLERANCE_SECONDS, idTokenVerifier, MAX_TOKEN_AGE_SECONDS } from './id-token-verifier';
import { assertNonceBound, UsedSignIns } from './sign-in-replay';
import type { SignInLookups } from './sign-in-lookups';
import { readJsonBody, sendJson, sendSignInError, SignInError } from './sign-in-errors';
import { mappedStaffRole, STAFF_ROLES } from './staff-roles';
import type { TokenMinter } from './token-minter';
import type { ConsoleOidcSettings, PrivacyOidcSettings } from './web-settings';

const MAX_BODY = 16_000;

/**
 * The second half of the authorization-code + PKCE flow the browser ran with the provider: it posts
 * the ID token it received with its sign-in attempt's nonce verifier; the gateway verifies the token,
 * checks that its nonce is that verifier's hash and that it was not exchanged before (sign-in-replay.ts),
 * maps its subject to a caller, then mints a customer-360 access token (kept in the page's memory).
 *   POST /sign-in/oidc/privacy  {"idToken":"…","nonceVerifier":"…"}  -> the customer whose external id (PRIVACY_OIDC_SUBJECT_SYSTEM) is the subject
 *   POST /sign-in/oidc/console  {"idToken":"…","nonceVerifier":"…"}  -> a staff token for the first mapped role in CONSOLE_OIDC_ROLE_CLAIM
 */
export function oidcSignInRoutes(options: { privacy?: PrivacyOidcSettings; console?: ConsoleOidcSettings; minter: TokenMinter; lookups: SignInLookups }): HttpRoutes {
  const { privacy, console: staff, minter, lookups } = options;
  const verifyCustomer = privacy && idTokenVerifier(privacy);
  const verifyStaff = staff && idTokenVerifier(staff);
  const used = new UsedSignIns();

  /** Verified, bound to the attempt that presents `verifier`, and never exchanged before (a failed exchange still uses it up). */
  const verifiedOnce = async (verify: NonNullable<typeof verifyCustomer>, idToken: string, verifier: unknown) => {
    const claims = await verify(idToken);
    const nonce = assertNonceBound(claims.nonce, verifier);
    // After this the token is refused anyway: too old (iat) or expired (exp), with the clock tolerance.
    const lastAccepted = Math.min(claims.exp! + CLOCK_TOLERANCE_SECONDS, claims.iat! + MAX_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000;
    used.claim([`nonce:${claims.iss}|${nonce}`, ...(typeof claims.jti === 'string' ? [`jti:${claims.iss}|${claims.jti}`] : [])], lastAccepted);
    return claims;
  };

  const customerToken = async (idToken: string, verifier: unknown) => {
    const claims = await verifiedOnce(verifyCustomer!, idToken, verifier);
    const customerId = await lookups.customerBySubject(privacy!.subjectSystem, claims.sub);
    if (!customerId || !isUuid(customerId)) throw new SignInError('NOT_LINKED', 'No customer profile is linked to this sign-in');
    return minter.mint({ client_id: privacy!.clientId, kind: CallerKind.CUSTOMER, scope: DEFAULT_SCOPES[CallerKind.CUSTOMER], purpose: 'SERVICE', customer_id: customerId });
  };
  const staffToken = async (idToken: string, verifier: unknown) => {
    const claims = await verifiedOnce(verifyStaff!, idToken, verifier);
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
      sendJson(response, 200, { token: await exchange(body.idToken, body.nonceVerifier) });
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      sendSignInError(response, error);
    }
    return true;
  };
}
