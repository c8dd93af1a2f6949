import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createBearerAuthenticator } from '../src/auth/bearer-authenticator';

const ISSUER = 'urn:test:issuer';
const AUDIENCE = 'urn:test:gateway';

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' } as JWK };
}

const sign = (key: Awaited<ReturnType<typeof keyPair>>) =>
  new SignJWT({ client_id: 'app', kind: 'INTERNAL_APP', scope: 'customers:read', purpose: 'SERVICE' })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime('5m')
    .sign(key.privateKey);

const request = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('signing key rotation with a JWKS file', () => {
  it('accepts old and new keys while both are published, and only the new one after the old is retired', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c360-jwks-'));
    const path = join(dir, 'jwks.json');
    const oldKey = await keyPair('2026-old');
    const newKey = await keyPair('2026-new');
    const publish = (keys: JWK[], mtime: number) => {
      writeFileSync(path, JSON.stringify({ keys }));
      utimesSync(path, mtime, mtime); // distinct mtimes even within one clock tick
    };
    publish([oldKey.publicJwk], 1_000);
    const authenticate = createBearerAuthenticator({ issuer: ISSUER, audience: AUDIENCE, keys: { kind: 'jwks-file', path } });

    await expect(authenticate(request(await sign(oldKey)))).resolves.toMatchObject({ clientId: 'app' });
    await expect(authenticate(request(await sign(newKey)))).rejects.toThrow(/kid/);

    publish([oldKey.publicJwk, newKey.publicJwk], 2_000);
    await expect(authenticate(request(await sign(oldKey)))).resolves.toMatchObject({ clientId: 'app' });
    await expect(authenticate(request(await sign(newKey)))).resolves.toMatchObject({ clientId: 'app' });

    publish([newKey.publicJwk], 3_000);
    await expect(authenticate(request(await sign(oldKey)))).rejects.toThrow(/kid/);
    await expect(authenticate(request(await sign(newKey)))).resolves.toMatchObject({ clientId: 'app' });
  });
});
