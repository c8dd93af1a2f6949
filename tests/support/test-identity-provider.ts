import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OpenID Connect provider for tests, written from OpenID Connect Core 1.0 and RFC 7636:
 * discovery, authorize (code flow, S256 PKCE required), token (verifier checked, codes single-use)
 * and an RS256 ID token whose key is served in the JWKS. The "logged-in user" is whoever the test
 * says signs in next; `misbehave` makes the next answer wrong the way a broken or hostile provider would.
 */
export interface TestUser {
  sub: string;
  claims?: Record<string, unknown>;
}

export interface Misbehaviour {
  /** Redirects back with another state than the client sent. */
  state?: string;
  /** Signs the ID token with a key that is not in the JWKS (same kid). */
  foreignKey?: boolean;
  audience?: string;
  /** Seconds from now; negative: already expired. */
  expiresIn?: number;
  /** The nonce claim (the relying party's sign-in attempt), as the authorize request would have carried it. */
  nonce?: string;
  /** The jti claim; a fresh one when not given. */
  jti?: string;
}

export interface TestIdentityProvider {
  issuer: string;
  origin: string;
  register(client: { clientId: string; redirectUri: string }): void;
  /** The user the next authorization request signs in (as if already logged in at the provider). */
  signInNext(user: TestUser): void;
  misbehave(once: Misbehaviour): void;
  /** An ID token for a client, signed as the provider signs (or not), for direct tests of a relying party. */
  idToken(clientId: string, user: TestUser, misbehaviour?: Misbehaviour): string;
  /** Token requests refused, by OAuth error code. */
  refusals: string[];
  close(): Promise<void>;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

function sign(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of request) raw += String(chunk);
  return new URLSearchParams(raw);
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  user: TestUser;
  nonce?: string;
  expiresAt: number;
}

export async function startTestIdentityProvider(): Promise<TestIdentityProvider> {
  const own = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-idp-1';
  const jwks = { keys: [{ ...own.publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] };
  const clients = new Map<string, string>();
  const codes = new Map<string, PendingCode>();
  const refusals: string[] = [];
  let next: TestUser | undefined;
  let trouble: Misbehaviour = {};
  let issuer = '';

  const idToken = (clientId: string, user: TestUser, m: Misbehaviour = {}, nonce?: string) => {
    const now = Math.floor(Date.now() / 1000);
    const bound = nonce ?? m.nonce;
    const jti = m.jti ?? randomBytes(12).toString('base64url');
    const payload = { ...user.claims, iss: issuer, sub: user.sub, aud: m.audience ?? clientId, iat: now, exp: now + (m.expiresIn ?? 300), jti, ...(bound ? { nonce: bound } : {}) };
    return sign(payload, m.foreignKey ? foreign.privateKey : own.privateKey, kid);
  };
  const json = (response: ServerResponse, status: number, body: unknown) =>
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));
  const refuse = (response: ServerResponse, error: string) => (refusals.push(error), json(response, 400, { error }));

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', issuer);
      const path = url.pathname.slice(new URL(issuer).pathname.length);
      if (request.method === 'OPTIONS') {
        // CORS preflight of the browser's token request.
        response.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, dpop' }).end();
      } else if (path === '/.well-known/openid-configuration') {
        json(response, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['none'],
        });
      } else if (path === '/jwks') {
        json(response, 200, jwks);
      } else if (path === '/authorize' && request.method === 'GET') {
        const q = url.searchParams;
        const clientId = q.get('client_id') ?? '';
        const redirectUri = q.get('redirect_uri') ?? '';
        // Never redirect to an unregistered address (Core 3.1.2.1).
        if (clients.get(clientId) !== redirectUri) return void response.writeHead(400).end('unknown client or redirect_uri');
        const back = new URL(redirectUri);
        const fail = (error: string) => (back.searchParams.set('error', error), back.searchParams.set('state', q.get('state') ?? ''), response.writeHead(302, { location: back.href }).end());
        if (q.get('response_type') !== 'code') return fail('unsupported_response_type');
        if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return fail('invalid_request');
        if (!(q.get('scope') ?? '').split(' ').includes('openid')) return fail('invalid_scope');
        if (!next) return fail('login_required');
        const code = randomBytes(24).toString('base64url');
        codes.set(code, { clientId, redirectUri, challenge: q.get('code_challenge')!, user: next, nonce: q.get('nonce') ?? undefined, expiresAt: Date.now() + 60_000 });
        next = undefined;
        back.searchParams.set('code', code);
        back.searchParams.set('state', trouble.state ?? q.get('state') ?? '');
        trouble = { ...trouble, state: undefined };
        back.searchParams.set('iss', issuer);
        response.writeHead(302, { location: back.href }).end();
      } else if (path === '/token' && request.method === 'POST') {
        const form = await readForm(request);
        if (form.get('grant_type') !== 'authorization_code') return refuse(response, 'unsupported_grant_type');
        const pending = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? ''); // single use, whatever happens next
        if (!pending || pending.expiresAt < Date.now()) return refuse(response, 'invalid_grant');
        if (form.get('client_id') !== pending.clientId || form.get('redirect_uri') !== pending.redirectUri) return refuse(response, 'invalid_grant');
        const verifier = form.get('code_verifier');
        // RFC 7636 4.6: BASE64URL(SHA256(verifier)) must equal the challenge.
        if (!verifier || createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) return refuse(response, 'invalid_grant');
        const misbehaviour = trouble;
        trouble = {};
        json(response, 200, { access_token: randomBytes(24).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: idToken(pending.clientId, pending.user, misbehaviour, pending.nonce) });
      } else {
        response.writeHead(404).end();
      }
    })().catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = `${origin}/idp`;
  return {
    issuer,
    origin,
    register: ({ clientId, redirectUri }) => void clients.set(clientId, redirectUri),
    signInNext: (user) => void (next = user),
    misbehave: (once) => void (trouble = once),
    idToken: (clientId, user, misbehaviour) => idToken(clientId, user, misbehaviour),
    refusals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
