import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { CallerKind } from '@c360/shared';
import type { AuthOptions } from '../../gateway/src/auth/bearer-authenticator';
import { DEFAULT_PURPOSE, DEFAULT_SCOPES, type CallerClaims } from '../../gateway/src/auth/caller-claims';
import { signToken } from '../../gateway/src/auth/development-keys';

export const TEST_ISSUER = 'urn:c360:test-issuer';
export const TEST_AUDIENCE = 'urn:c360:test-gateway';

export interface TestTokenIssuer {
  auth: AuthOptions;
  privateJwk: JWK;
  publicJwk: JWK;
  /** A signed token for a caller kind with that kind's default scopes and purpose, overridable. */
  token(kind: CallerKind, claims?: Partial<CallerClaims>, expiresIn?: string): Promise<string>;
  /** `{ authorization: 'Bearer …' }` for that caller. */
  headers(kind: CallerKind, claims?: Partial<CallerClaims>): Promise<Record<string, string>>;
}

/** A fresh key pair per test platform: real signatures, verified by the real gateway. */
export async function createTestTokenIssuer(): Promise<TestTokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = 'test-key-1';
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const token = (kind: CallerKind, claims: Partial<CallerClaims> = {}, expiresIn = '30m') =>
    signToken(privateJwk, { client_id: `test-${kind.toLowerCase()}`, kind, scope: DEFAULT_SCOPES[kind], purpose: DEFAULT_PURPOSE[kind], ...claims }, { issuer: claims.iss ?? TEST_ISSUER, audience: (claims.aud as string | undefined) ?? TEST_AUDIENCE, expiresIn });
  return {
    auth: { issuer: TEST_ISSUER, audience: TEST_AUDIENCE, keys: { kind: 'inline', jwks: { keys: [publicJwk] } } },
    privateJwk,
    publicJwk,
    token,
    headers: async (kind, claims) => ({ authorization: `Bearer ${await token(kind, claims)}` }),
  };
}

export { CallerKind };
