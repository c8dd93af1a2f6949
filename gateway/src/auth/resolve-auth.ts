import type { AuthSettings } from '../config';
import type { AuthOptions } from './bearer-authenticator';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevelopmentKeys } from './development-keys';

/** A configured key set wins; only without one does the gateway trust the development key. */
export async function resolveAuth(settings: AuthSettings): Promise<AuthOptions & { development: boolean }> {
  const issuer = settings.issuer ?? DEV_ISSUER;
  const audience = settings.audience ?? DEV_AUDIENCE;
  if (settings.jwksUrl) return { issuer, audience, keys: { kind: 'jwks-url', url: settings.jwksUrl }, development: false };
  if (settings.jwksPath) return { issuer, audience, keys: { kind: 'jwks-file', path: settings.jwksPath }, development: false };
  const dev = await ensureDevelopmentKeys(settings.devKeysDir);
  return { issuer, audience, keys: { kind: 'jwks-file', path: dev.publicJwksPath, development: true }, development: true };
}
