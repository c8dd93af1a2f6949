import type { ApolloServer } from '@apollo/server';
import type { HttpRoutes } from '@c360/shared';
import type { GatewayContext } from '../gateway-context';
import { developmentSignInRoutes, type DevelopmentSignIn } from './dev-sign-in';
import { DEFAULT_WEB_DIR, webRoutes } from './web-routes';
import type { OidcClientSettings } from './web-settings';

export interface WebOptions {
  /** The built apps (default web/dist). */
  dir?: string;
  oidc?: OidcClientSettings;
  /** Development only: mints tokens for the sign-in pages. */
  developmentSignIn?: DevelopmentSignIn;
}

/** The gateway's non-GraphQL routes: the web apps (when configured), then `others`. */
export function webAppRoutes(web: WebOptions | undefined, apollo: ApolloServer<GatewayContext>, others: HttpRoutes): HttpRoutes {
  if (!web) return others;
  const pages = webRoutes({ dir: web.dir ?? DEFAULT_WEB_DIR, oidc: web.oidc, developmentSignIn: Boolean(web.developmentSignIn) });
  const dev = web.developmentSignIn && developmentSignInRoutes(web.developmentSignIn, apollo);
  return async (request, response, url) => (await pages(request, response, url)) || (dev ? await dev(request, response, url) : false) || others(request, response, url);
}
