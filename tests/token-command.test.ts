import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER } from '../gateway/src/auth/development-keys';

const run = promisify(execFile);
const TOKEN_SCRIPT = join(__dirname, '..', 'scripts', 'token.js');

describe('npm run token (development tokens)', () => {
  const keysDir = mkdtempSync(join(tmpdir(), 'c360-dev-keys-'));
  const env = { ...process.env, AUTH_DEV_KEYS_DIR: keysDir, AUTH_JWKS_URL: '', AUTH_JWKS_PATH: '' };

  it('prints only a token the development key set verifies, with the requested claims', async () => {
    const { stdout } = await run(process.execPath, [TOKEN_SCRIPT, '--kind', 'PARTNER', '--partner', 'partner-city-bank'], { env });
    const token = stdout.trim();
    expect(stdout).toBe(`${token}\n`);
    const jwks = JSON.parse(readFileSync(join(keysDir, 'jwks.json'), 'utf8')) as JSONWebKeySet;
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    expect(payload).toMatchObject({ kind: 'PARTNER', partner_id: 'partner-city-bank', purpose: 'PARTNER_SHARING', scope: expect.stringContaining('customers:read') });
  });

  it('honours --scopes and --purpose', async () => {
    const { stdout } = await run(process.execPath, [TOKEN_SCRIPT, '--kind', 'BI', '--scopes', 'analytics:read', '--purpose', 'ANALYTICS'], { env });
    const payload = JSON.parse(Buffer.from(stdout.trim().split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ kind: 'BI', scope: 'analytics:read', purpose: 'ANALYTICS' });
  });

  it('refuses to mint when a production key set is configured', async () => {
    await expect(run(process.execPath, [TOKEN_SCRIPT, '--kind', 'INTERNAL_APP'], { env: { ...env, AUTH_JWKS_URL: 'https://id.example.com/jwks.json' } })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('production key set is configured'),
    });
  });

  it('refuses scopes beyond the kind ceiling, naming the ceiling', async () => {
    await expect(run(process.execPath, [TOKEN_SCRIPT, '--kind', 'BI', '--scopes', 'analytics:read customers:read'], { env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('may not hold customers:read. Its ceiling is: analytics:read'),
    });
  });

  it('refuses a partner token without --partner', async () => {
    await expect(run(process.execPath, [TOKEN_SCRIPT, '--kind', 'PARTNER'], { env })).rejects.toMatchObject({ code: 2 });
  });
});
