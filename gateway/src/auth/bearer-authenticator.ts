import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { errors as joseErrors, jwtVerify } from 'jose';
import { ErrorCode, type Caller } from '@c360/shared';
import { callerFromClaims, type CallerClaims } from './caller-claims';
import { keyLookup, type KeySetSource } from './key-sets';

export interface AuthOptions {
  issuer: string;
  audience: string;
  keys: KeySetSource;
  /** Asymmetric algorithms only: an HMAC token "signed" with our public key must never verify. */
  algorithms?: string[];
  clockToleranceSeconds?: number;
}

export const ALLOWED_ALGORITHMS = ['ES256', 'RS256', 'PS256', 'EdDSA'];

/** 401 with RFC 6750's WWW-Authenticate; no data is ever returned alongside it. */
function invalidToken(description: string): GraphQLError {
  const headers = new HeaderMap([['www-authenticate', `Bearer error="invalid_token", error_description="${description.replace(/"/g, "'")}"`]]);
  return new GraphQLError(`Invalid access token: ${description}`, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers } } });
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" is not valid (${error.reason})`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'the signing algorithm is not allowed';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'no trusted key matches the token "kid"';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the signature does not verify';
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) return 'the token is malformed';
  return 'the token could not be verified';
}

/** Verifies `Authorization: Bearer <JWT>` and returns the caller it names. */
export function createBearerAuthenticator(options: AuthOptions) {
  const getKey = keyLookup(options.keys);
  const algorithms = options.algorithms ?? ALLOWED_ALGORITHMS;
  const clockTolerance = Math.min(options.clockToleranceSeconds ?? 30, 60);
  return async function authenticate(request: Pick<IncomingMessage, 'headers'>): Promise<Caller> {
    const header = request.headers.authorization;
    const match = header ? /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(header) : null;
    if (!match) throw invalidToken(header ? 'the Authorization header is not "Bearer <token>"' : 'no bearer token was sent');
    let claims: CallerClaims;
    try {
      ({ payload: claims } = await jwtVerify<CallerClaims>(match[1], getKey, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        clockTolerance,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw invalidToken(describe(error));
    }
    const result = callerFromClaims(claims);
    if ('problem' in result) throw invalidToken(result.problem);
    return result.caller;
  };
}

export type Authenticator = ReturnType<typeof createBearerAuthenticator>;
