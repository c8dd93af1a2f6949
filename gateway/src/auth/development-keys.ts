import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { CallerClaims } from './caller-claims';

/**
 * DEVELOPMENT ONLY. A signing key pair created on first start under .data/dev-keys (never
 * committed), so `npm run token` can mint tokens the local gateway accepts. The gateway
 * never trusts it when a production key set (AUTH_JWKS_URL / AUTH_JWKS_PATH) is configured.
 */
export const DEV_ISSUER = 'urn:c360:development-issuer';
export const DEV_AUDIENCE = 'urn:c360:gateway';
const ALG = 'ES256';

export interface DevelopmentKeys {
  dir: string;
  publicJwksPath: string;
  privateJwk: JWK;
}

export async function ensureDevelopmentKeys(dir: string): Promise<DevelopmentKeys> {
  const privatePath = join(dir, 'private.jwk.json');
  const publicJwksPath = join(dir, 'jwks.json');
  if (!existsSync(privatePath) || !existsSync(publicJwksPath)) {
    mkdirSync(dir, { recursive: true });
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = `dev-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}`;
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
    writeFileSync(privatePath, JSON.stringify(privateJwk, null, 2), { mode: 0o600 });
    writeFileSync(publicJwksPath, JSON.stringify({ keys: [publicJwk] }, null, 2));
  }
  return { dir, publicJwksPath, privateJwk: JSON.parse(readFileSync(privatePath, 'utf8')) as JWK };
}

export async function signToken(privateJwk: JWK, claims: CallerClaims, options: { issuer: string; audience: string; expiresIn?: string }): Promise<string> {
  const key = await importJWK(privateJwk, privateJwk.alg ?? ALG);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: privateJwk.alg ?? ALG, kid: privateJwk.kid, typ: 'at+jwt' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(key);
}
