import * as oauth from 'oauth4webapi';
import type { OidcClient } from './graphql-client';

export type SignInApp = 'privacy' | 'console';

/** Why no token was minted: the gateway's codes, and the browser's own checks of the provider's answer. */
export class SignInFailed extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

// Only the PKCE verifier, state and nonce (with its verifier) survive the redirect, in this tab's session storage; no personal data.
const pendingKey = (app: SignInApp) => `c360.oidc.${app}`;

// Plain http is accepted only where the gateway's settings allow it (development and tests on loopback).
const insecure = (oidc: OidcClient) => ({ [oauth.allowInsecureRequests]: oidc.issuer.startsWith('http:') });

async function server(oidc: OidcClient) {
  const issuer = new URL(oidc.issuer);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure(oidc) }));
}

/** Authorization code flow with PKCE (S256): off to the identity provider. */
export async function startOidcSignIn(oidc: OidcClient, app: SignInApp): Promise<void> {
  const as = await server(oidc);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  // The provider sees only the nonce's hash; the gateway exchanges the ID token only with its verifier, once (binds the token to this attempt).
  const nonceVerifier = oauth.generateRandomNonce();
  const nonce = await oauth.calculatePKCECodeChallenge(nonceVerifier);
  sessionStorage.setItem(pendingKey(app), JSON.stringify({ verifier, state, nonce, nonceVerifier } satisfies Pending));
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('redirect_uri', oidc.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', oidc.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  url.searchParams.set('nonce', nonce);
  window.location.assign(url.href);
}

interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  nonceVerifier: string;
}

async function verifiedIdToken(oidc: OidcClient, current: URL, pending: Pending): Promise<string> {
  const as = await server(oidc);
  const client: oauth.Client = { client_id: oidc.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, current, pending.state);
  } catch (error) {
    throw new SignInFailed(error instanceof oauth.AuthorizationResponseError ? 'PROVIDER_REFUSED' : 'STATE_MISMATCH');
  }
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, oidc.redirectUri, pending.verifier, insecure(oidc));
  try {
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
    return result.id_token!;
  } catch (error) {
    throw new SignInFailed(error instanceof oauth.ResponseBodyError ? 'PROVIDER_REFUSED' : 'ID_TOKEN_INVALID');
  }
}

/**
 * Back from the provider: checks state, exchanges the code with the PKCE verifier, and has the
 * gateway verify the ID token and mint our access token (kept in memory). Cleans the address bar first.
 */
export async function completeOidcSignIn(oidc: OidcClient, app: SignInApp): Promise<string | undefined> {
  const current = new URL(window.location.href);
  if (!current.searchParams.has('code') && !current.searchParams.has('error')) return undefined;
  const pending = JSON.parse(sessionStorage.getItem(pendingKey(app)) ?? 'null') as Pending | null;
  sessionStorage.removeItem(pendingKey(app));
  window.history.replaceState(null, '', current.pathname);
  if (!pending) throw new SignInFailed('NOT_STARTED');
  const idToken = await verifiedIdToken(oidc, current, pending);
  const response = await fetch(`/sign-in/oidc/${app}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idToken, nonceVerifier: pending.nonceVerifier }),
    credentials: 'omit',
    cache: 'no-store',
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: { code?: string } };
  if (!response.ok || !body.token) throw new SignInFailed(body.error?.code ?? 'SIGN_IN_FAILED');
  return body.token;
}
