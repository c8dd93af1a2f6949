import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { HttpRoutes } from '@c360/shared';
import { publicClient, type OidcClientSettings } from './web-settings';

/** Where `npm run build:web` writes the privacy centre and the console (web/dist). */
export const DEFAULT_WEB_DIR = join(__dirname, '..', '..', '..', '..', 'web', 'dist');

export interface WebAppOptions {
  /** The built apps; the routes answer 503 for the pages when it is missing. */
  dir: string;
  /** Production sign-in for the privacy centre; absent: development sign-in (when offered) or none. */
  oidc?: OidcClientSettings;
  /** Production sign-in for the console (staff); a pasted token works either way. */
  consoleOidc?: OidcClientSettings;
  /** True when the development sign-in endpoints are mounted. */
  developmentSignIn: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** No inline script or style, nothing from elsewhere but the identity provider the app talks to. */
export function contentSecurityPolicy(...clients: (OidcClientSettings | undefined)[]): string {
  const providers = new Set(clients.filter((c) => c !== undefined).map((c) => new URL(c.issuer).origin));
  const connect = ["'self'", ...providers].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function securityHeaders(response: ServerResponse, csp: string) {
  response.setHeader('content-security-policy', csp);
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('x-frame-options', 'DENY');
  response.setHeader('cross-origin-opener-policy', 'same-origin');
}

/** A file inside dir, or undefined (no escaping it with .. or encoded separators). */
function fileIn(dir: string, encoded: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(encoded);
  } catch {
    return undefined; // a malformed escape names no file
  }
  const path = normalize(join(dir, relative));
  if (!path.startsWith(dir + sep)) return undefined;
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

const PAGES: Record<string, string> = { '/privacy': 'privacy/index.html', '/console': 'console/index.html' };

/** GET /privacy, /console (and anything under them: client-side views), /web/assets/*, /web/config.json. */
export function webRoutes(options: WebAppOptions): HttpRoutes {
  const dir = resolve(options.dir); // absolute, no trailing separator (fileIn compares prefixes)
  const config = JSON.stringify({
    signIn: options.oidc ? 'oidc' : options.developmentSignIn ? 'development' : 'none',
    oidc: publicClient(options.oidc),
    consoleOidc: publicClient(options.consoleOidc),
    development: options.developmentSignIn,
  });
  const csp = contentSecurityPolicy(options.oidc, options.consoleOidc);
  return async (request, response, url) => {
    const page = Object.keys(PAGES).find((p) => url.pathname === p || url.pathname.startsWith(`${p}/`));
    const asset = url.pathname.startsWith('/web/');
    if (!page && !asset) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    securityHeaders(response, csp);
    if (url.pathname === '/web/config.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(config);
      return true;
    }
    const path = page ? fileIn(dir, PAGES[page]) : fileIn(dir, url.pathname.slice('/web/'.length));
    if (!path) {
      response.writeHead(page ? 503 : 404, { 'content-type': 'text/plain; charset=utf-8' }).end(page ? 'The web apps are not built: run npm run build:web' : 'not found');
      return true;
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    // Hashed asset names never change; pages always re-read.
    const cache = page ? 'no-store' : 'public, max-age=31536000, immutable';
    response.writeHead(200, { 'content-type': type, 'cache-control': cache });
    response.end(request.method === 'HEAD' ? undefined : readFileSync(path));
    return true;
  };
}
