import * as oauth from 'oauth4webapi';
import type { WebConfig } from '../shared/graphql-client';

type Oidc = NonNullable<WebConfig['oidc']>;
// Only the PKCE verifier and state survive the redirect, in this tab's session storage; no personal data.
const PENDING = 'c360.oidc.pending';

async function server(oidc: Oidc) {
  const issuer = new URL(oidc.issuer);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc' }));
}

/** Authorization code flow with PKCE (S256): off to the identity provider. */
export async function startOidcSignIn(oidc: Oidc): Promise<void> {
  const as = await server(oidc);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('redirect_uri', oidc.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', oidc.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  window.location.assign(url.href);
}

/** Back from the provider: exchanges the code for an access token (kept in memory) and cleans the address bar. */
export async function completeOidcSignIn(oidc: Oidc): Promise<string | undefined> {
  const current = new URL(window.location.href);
  if (!current.searchParams.has('code') && !current.searchParams.has('error')) return undefined;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', current.pathname);
  if (!pending) return undefined;
  const as = await server(oidc);
  const client: oauth.Client = { client_id: oidc.clientId };
  const params = oauth.validateAuthResponse(as, client, current, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, oidc.redirectUri, pending.verifier);
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  return result.access_token;
}
