import type { ApolloServer } from '@apollo/server';
import type { HttpRoutes } from '@c360/shared';
import type { GatewayContext } from '../gateway-context';
import { developmentSignInRoutes, type DevelopmentSignIn } from './dev-sign-in';
import { oidcSignInRoutes } from './oidc-sign-in';
import { signInLookups } from './sign-in-lookups';
import type { TokenMinter } from './token-minter';
import { DEFAULT_WEB_DIR, webRoutes } from './web-routes';
import type { ConsoleOidcSettings, PrivacyOidcSettings } from './web-settings';

export interface WebOptions {
  /** The built apps (default web/dist). */
  dir?: string;
  /** The privacy centre's OIDC client (customers). */
  oidc?: PrivacyOidcSettings;
  /** The console's OIDC client (staff). */
  consoleOidc?: ConsoleOidcSettings;
  /** Signs the tokens an OIDC sign-in mints (WEB_SIGN_IN_KEY_PATH; the development key in development). */
  signInMinter?: TokenMinter;
  /** Development only: mints tokens for the sign-in pages. */
  developmentSignIn?: DevelopmentSignIn;
}

/** The gateway's non-GraphQL routes: the web apps (when configured), then `others`. */
export function webAppRoutes(web: WebOptions | undefined, apollo: ApolloServer<GatewayContext>, others: HttpRoutes): HttpRoutes {
  if (!web) return others;
  const lookups = signInLookups(apollo);
  const minter = web.signInMinter ?? web.developmentSignIn;
  if ((web.oidc || web.consoleOidc) && !minter) throw new Error('an OIDC sign-in needs a key to sign its tokens with (WEB_SIGN_IN_KEY_PATH)');
  const routes = [
    webRoutes({ dir: web.dir ?? DEFAULT_WEB_DIR, oidc: web.oidc, consoleOidc: web.consoleOidc, developmentSignIn: Boolean(web.developmentSignIn) }),
    ...(minter && (web.oidc || web.consoleOidc) ? [oidcSignInRoutes({ privacy: web.oidc, console: web.consoleOidc, minter, lookups })] : []),
    ...(web.developmentSignIn ? [developmentSignInRoutes(web.developmentSignIn, lookups)] : []),
    others,
  ];
  return async (request, response, url) => {
    for (const route of routes) if (await route(request, response, url)) return true;
    return false;
  };
}
