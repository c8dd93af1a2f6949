import { readFileSync, statSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/** Where the gateway finds the public keys that may sign access tokens. */
export type KeySetSource =
  | { kind: 'jwks-url'; url: string }
  | { kind: 'jwks-file'; path: string; development?: boolean }
  | { kind: 'inline'; jwks: JSONWebKeySet };

/**
 * A key lookup by `kid`. Rotation needs no restart: a remote JWKS is re-fetched when an
 * unknown kid appears (jose's cooldown applies); a JWKS file is re-read when it changes.
 */
export function keyLookup(source: KeySetSource): JWTVerifyGetKey {
  if (source.kind === 'jwks-url') return createRemoteJWKSet(new URL(source.url), { timeoutDuration: 5000, cooldownDuration: 30_000 });
  if (source.kind === 'inline') return createLocalJWKSet(source.jwks);
  let loadedAt = -1;
  let lookup: JWTVerifyGetKey = createLocalJWKSet({ keys: [] });
  return (header, token) => {
    const modified = statSync(source.path).mtimeMs;
    if (modified !== loadedAt) {
      lookup = createLocalJWKSet(JSON.parse(readFileSync(source.path, 'utf8')) as JSONWebKeySet);
      loadedAt = modified;
    }
    return lookup(header, token);
  };
}
