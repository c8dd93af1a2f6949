import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpRoutes } from '@c360/shared';
import { readGatewayConfig } from '../src/config';
import { createGatewayApp } from '../src/app';
import { developmentSignInRoutes } from '../src/web/dev-sign-in';
import { webRoutes } from '../src/web/web-routes';
import type { SignInLookups } from '../src/web/sign-in-lookups';

const BASE_ENV = { CALLER_SIGNING_KEY: 'k'.repeat(40) };
const OIDC = { PRIVACY_OIDC_ISSUER: 'https://id.example.com', PRIVACY_OIDC_CLIENT_ID: 'privacy-centre', PRIVACY_OIDC_REDIRECT_URI: 'https://c360.example.com/privacy/' };

async function serve(routes: HttpRoutes): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    void routes(req, res, new URL(req.url ?? '/', 'http://localhost')).then((handled) => handled || res.writeHead(404).end('unhandled'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the web apps settings', () => {
  it('takes the OIDC client of the privacy centre only whole, and only over https in production', () => {
    expect(readGatewayConfig({ ...BASE_ENV, ...OIDC }).web.oidc).toEqual({
      issuer: OIDC.PRIVACY_OIDC_ISSUER,
      clientId: 'privacy-centre',
      redirectUri: OIDC.PRIVACY_OIDC_REDIRECT_URI,
      scope: 'openid',
      subjectSystem: 'oidc',
    });
    expect(() => readGatewayConfig({ ...BASE_ENV, PRIVACY_OIDC_ISSUER: OIDC.PRIVACY_OIDC_ISSUER })).toThrow(/together/);
    const production = { ...BASE_ENV, NODE_ENV: 'production', AUTH_JWKS_URL: 'https://id.example.com/jwks', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' };
    expect(() => readGatewayConfig({ ...production, ...OIDC, PRIVACY_OIDC_ISSUER: 'http://id.example.com' })).toThrow(/https in production/);
    expect(() => readGatewayConfig({ ...production, ...OIDC })).toThrow(/WEB_SIGN_IN_KEY_PATH/);
    expect(readGatewayConfig({ ...production, ...OIDC, WEB_SIGN_IN_KEY_PATH: '/run/secrets/sign-in.jwk' }).web.oidc?.issuer).toBe(OIDC.PRIVACY_OIDC_ISSUER);
  });

  it('maps the console’s identity-provider roles to a staff role and purpose, refusing unknown roles at boot', () => {
    const consoleOidc = { CONSOLE_OIDC_ISSUER: 'https://id.example.com', CONSOLE_OIDC_CLIENT_ID: 'console', CONSOLE_OIDC_REDIRECT_URI: 'https://c360.example.com/console' };
    const config = readGatewayConfig({ ...BASE_ENV, ...consoleOidc, CONSOLE_OIDC_ROLES: 'crm-marketing=AGENT:MARKETING, crm-dpo=PRIVACY_OFFICER:SERVICE' });
    expect(config.web.consoleOidc).toMatchObject({
      clientId: 'console',
      roleClaim: 'roles',
      roles: [
        { idpRole: 'crm-marketing', role: 'AGENT', purpose: 'MARKETING' },
        { idpRole: 'crm-dpo', role: 'PRIVACY_OFFICER', purpose: 'SERVICE' },
      ],
    });
    expect(() => readGatewayConfig({ ...BASE_ENV, ...consoleOidc })).toThrow(/CONSOLE_OIDC_ROLES must map/);
    expect(() => readGatewayConfig({ ...BASE_ENV, ...consoleOidc, CONSOLE_OIDC_ROLES: 'crm=ROOT:SERVICE' })).toThrow(/ROLE one of AGENT, PRIVACY_OFFICER/);
  });

  it('refuses the development sign-in in production', async () => {
    const config = {
      production: true,
      supergraphPath: join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'),
      callerSigningKey: 'k'.repeat(40),
      subgraphTimeoutMs: 1000,
      trustedDocuments: { dir: join(__dirname, '..', '..', '..', 'safelist', 'generated'), adHocAllowed: false },
      auth: { issuer: 'i', audience: 'a', keys: { kind: 'inline' as const, jwks: { keys: [] } } },
      subgraphUrls: {},
      web: { developmentSignIn: { mint: async () => 'never' } },
    };
    await expect(createGatewayApp(config)).rejects.toThrow(/development sign-in is refused in production/);
  });
});

describe('the web routes', () => {
  let dir: string;
  let app: { url: string; server: Server };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'web-'));
    mkdirSync(join(dir, 'privacy'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'privacy', 'index.html'), '<!doctype html><title>p</title>');
    writeFileSync(join(dir, 'assets', 'a.js'), 'export {}');
    writeFileSync(join(dir, '..', 'secret.txt'), 'secret');
    app = await serve(webRoutes({ dir, developmentSignIn: false }));
  });
  afterAll(() => app.server.close());

  it('serves pages and assets with the security headers', async () => {
    const page = await fetch(`${app.url}/privacy`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(`${app.url}/web/assets/a.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect(await (await fetch(`${app.url}/web/config.json`)).json()).toEqual({ signIn: 'none', development: false });
  });

  it('never serves a file outside the built apps, and answers only GET and HEAD', async () => {
    for (const path of ['/web/..%2fsecret.txt', '/web/../secret.txt', '/web/%2e%2e/secret.txt', '/web/assets/..%2f..%2fsecret.txt']) {
      const response = await fetch(`${app.url}${path}`);
      expect(await response.text()).not.toBe('secret');
    }
    expect((await fetch(`${app.url}/privacy`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${app.url}/console`)).status).toBe(503); // not built in this directory
  });

  it('answers a malformed escape in an asset path with 404, not a server error', async () => {
    const response = await fetch(`${app.url}/web/assets/%E0%A4%A.js`);
    expect(response.status).toBe(404);
  });

  it('serves the apps from a directory given with a trailing slash (WEB_DIR=/srv/web/)', async () => {
    const trailing = await serve(webRoutes({ dir: `${dir}/`, developmentSignIn: false }));
    try {
      expect((await fetch(`${trailing.url}/privacy`)).status).toBe(200);
      expect((await fetch(`${trailing.url}/web/assets/a.js`)).status).toBe(200);
      expect(await (await fetch(`${trailing.url}/web/..%2fsecret.txt`)).text()).not.toBe('secret');
    } finally {
      trailing.server.close();
    }
  });
});

describe('the development sign-in', () => {
  let app: { url: string; server: Server };
  const minted: unknown[] = [];
  const known = '7d0f3c1e-8a4b-4c2d-9e6f-0a1b2c3d4e5f';
  beforeAll(async () => {
    const lookups: SignInLookups = {
      demoCustomers: async () => [{ id: known, displayName: 'Ada' }],
      customer: async (id) => (id === known ? known : undefined),
      customerBySubject: async () => undefined,
      purposeCodes: async () => ['MARKETING', 'SERVICE'],
    };
    app = await serve(developmentSignInRoutes({ mint: async (claims) => (minted.push(claims), 'token') }, lookups));
  });
  afterAll(() => app.server.close());
  const post = (body: unknown) =>
    fetch(`${app.url}/dev/sign-in/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('mints a customer token only for a customer who exists, and a staff token only for a known purpose and role', async () => {
    expect((await post({ kind: 'CUSTOMER', customerId: known })).status).toBe(200);
    expect(minted.pop()).toMatchObject({ kind: 'CUSTOMER', customer_id: known, purpose: 'SERVICE' });
    expect((await post({ kind: 'CUSTOMER', customerId: '00000000-0000-4000-8000-000000000000' })).status).toBe(401);
    expect((await post({ kind: 'STAFF', purpose: 'MARKETING' })).status).toBe(200);
    expect(minted.pop()).toMatchObject({ kind: 'INTERNAL_APP', purpose: 'MARKETING', scope: expect.not.stringContaining('privacy:admin') });
    expect((await post({ kind: 'STAFF', role: 'PRIVACY_OFFICER', purpose: 'SERVICE' })).status).toBe(200);
    expect(minted.pop()).toMatchObject({ kind: 'INTERNAL_APP', purpose: 'SERVICE', scope: expect.stringContaining('privacy:admin') });
    const unknownPurpose = await post({ kind: 'STAFF', purpose: 'TELEMARKETING' });
    expect(unknownPurpose.status).toBe(400);
    expect(await unknownPurpose.json()).toEqual({ error: { code: 'UNKNOWN_PURPOSE', message: expect.not.stringContaining('TELEMARKETING') } });
    const unknownRole = await post({ kind: 'STAFF', role: 'ROOT', purpose: 'SERVICE' });
    expect(await unknownRole.json()).toMatchObject({ error: { code: 'UNKNOWN_ROLE' } });
    for (const bad of [{ kind: 'CUSTOMER', customerId: 'x' }, { kind: 'STAFF', purpose: 'marketing; drop' }, { kind: 'PARTNER', partner: 'p' }, 'not json', 'x'.repeat(5000)]) {
      const response = await post(bad);
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain('drop');
    }
    expect(minted).toEqual([]);
  });

  it('answers only a browser on this machine at a loopback name: not the network (HOST is 0.0.0.0), not a rebound DNS name', async () => {
    // DNS rebinding: a page at attacker.example resolves its own name to 127.0.0.1 and reads the answers same-origin.
    const rebound = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const port = new URL(app.url).port;
      const req = httpRequest({ host: '127.0.0.1', port, path: '/dev/sign-in/token', method: 'POST', headers: { host: `attacker.example:${port}`, 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += String(chunk)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ kind: 'STAFF', purpose: 'MARKETING' }));
    });
    expect(rebound.status).toBe(404);
    expect(rebound.body).not.toContain('token');
    // A caller elsewhere on the network, even naming a loopback host.
    const routes = developmentSignInRoutes({ mint: async (claims) => (minted.push(claims), 'token') }, {} as SignInLookups);
    const remote = { method: 'GET', url: '/dev/sign-in/customers', headers: { host: 'localhost:4000' }, socket: { remoteAddress: '192.168.1.20' } } as unknown as IncomingMessage;
    expect(await routes(remote, {} as ServerResponse, new URL('http://localhost:4000/dev/sign-in/customers'))).toBe(false);
    expect(minted).toEqual([]);
  });
});
