import { DEV_AUDIENCE, DEV_ISSUER, ensureDevelopmentKeys, signToken } from '../auth/development-keys';
import type { DevelopmentSignIn } from './dev-sign-in';

/** The development sign-in's minter: the development key, 30-minute tokens. Never used in production. */
export async function developmentSignIn(devKeysDir: string, auth: { issuer?: string; audience?: string }): Promise<DevelopmentSignIn> {
  const keys = await ensureDevelopmentKeys(devKeysDir);
  return { mint: (claims) => signToken(keys.privateJwk, claims, { issuer: auth.issuer ?? DEV_ISSUER, audience: auth.audience ?? DEV_AUDIENCE, expiresIn: '30m' }) };
}
