import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ALLOWED_ALGORITHMS } from '../auth/bearer-authenticator';
import { SignInError } from './sign-in-errors';
import type { OidcClientSettings } from './web-settings';

const TIMEOUT_MS = 5_000;
/** How old (iat) an ID token may be when exchanged, and the clock skew allowed; together they bound how long a used one must be remembered. */
export const MAX_TOKEN_AGE_SECONDS = 600;
export const CLOCK_TOLERANCE_SECONDS = 30;

/** The provider's JWKS address from its discovery document (OpenID Connect Discovery 1.0, section 4). */
async function discoverJwksUri(issuer: string): Promise<string> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  // Section 4.3: the document must name the issuer it was fetched for.
  if (document.issuer !== issuer || typeof document.jwks_uri !== 'string') throw new Error('discovery document does not match the issuer');
  return document.jwks_uri;
}

function describe(error: unknown): SignInError {
  if (error instanceof joseErrors.JWTExpired) return new SignInError('ID_TOKEN_EXPIRED', 'The identity provider’s ID token has expired: sign in again');
  if (error instanceof joseErrors.JWTClaimValidationFailed) return new SignInError('ID_TOKEN_INVALID', `The ID token’s "${error.claim}" claim is not valid for this application`);
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return new SignInError('ID_TOKEN_INVALID', 'The ID token’s signature does not verify with the identity provider’s keys');
  if (error instanceof joseErrors.JWKSNoMatchingKey) return new SignInError('ID_TOKEN_INVALID', 'No key of the identity provider matches the ID token');
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return new SignInError('ID_TOKEN_INVALID', 'The ID token’s signing algorithm is not allowed');
  if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) return new SignInError('PROVIDER_UNAVAILABLE', 'The identity provider could not be reached');
  return new SignInError('ID_TOKEN_INVALID', 'The ID token is malformed');
}

/**
 * Verifies an ID token from the client's provider (OpenID Connect Core 3.1.3.7): signature by a key
 * of the issuer's JWKS (asymmetric only), iss, aud = our client id, azp when present, exp, iat.
 */
export function idTokenVerifier(client: OidcClientSettings): (idToken: string) => Promise<JWTPayload & { sub: string }> {
  let keys: JWTVerifyGetKey | undefined;
  const keySet = async () => (keys ??= createRemoteJWKSet(new URL(await discoverJwksUri(client.issuer)), { timeoutDuration: TIMEOUT_MS, cooldownDuration: 30_000 }));
  return async (idToken) => {
    let getKey: JWTVerifyGetKey;
    try {
      getKey = await keySet();
    } catch {
      throw new SignInError('PROVIDER_UNAVAILABLE', 'The identity provider could not be reached');
    }
    try {
      const { payload } = await jwtVerify(idToken, getKey, {
        issuer: client.issuer,
        audience: client.clientId,
        algorithms: ALLOWED_ALGORITHMS,
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        // Exchanged right after the redirect: an old ID token is a replay, not a sign-in.
        maxTokenAge: `${MAX_TOKEN_AGE_SECONDS} seconds`,
      });
      if (payload.azp !== undefined && payload.azp !== client.clientId) throw new SignInError('ID_TOKEN_INVALID', 'The ID token was issued to another client (azp)');
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new SignInError('ID_TOKEN_INVALID', 'The ID token names no subject');
      return payload as JWTPayload & { sub: string };
    } catch (error) {
      throw error instanceof SignInError ? error : describe(error);
    }
  };
}
