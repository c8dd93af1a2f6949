import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevelopmentKeys, signToken } from '../auth/development-keys';
import type { TokenMinter } from './token-minter';

/** The development sign-in's minter: the development key, 30-minute tokens. Never used in production. */
export async function developmentSignIn(devKeysDir: string, auth: { issuer?: string; audience?: string }): Promise<TokenMinter> {
  const keys = await ensureDevelopmentKeys(devKeysDir);
  return { mint: (claims) => signToken(keys.privateJwk, claims, { issuer: auth.issuer ?? DEV_ISSUER, audience: auth.audience ?? DEV_AUDIENCE, expiresIn: '30m' }) };
}

/** The OIDC sign-in's minter in production: a private JWK whose public half the operator lists in AUTH_JWKS_*. */
export function keyFileMinter(path: string, auth: { issuer: string; audience: string }): TokenMinter {
  const privateJwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  if (!privateJwk.d || !privateJwk.kid) throw new Error('WEB_SIGN_IN_KEY_PATH must hold a private JWK with a "kid"');
  return { mint: (claims) => signToken(privateJwk, claims, { issuer: auth.issuer, audience: auth.audience, expiresIn: '30m' }) };
}
