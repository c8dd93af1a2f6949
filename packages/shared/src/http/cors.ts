import type { IncomingMessage, ServerResponse } from 'node:http';

/** Browser apps allowed to call the graph from another origin (exact origins, e.g. https://crm.example.com). */
export interface CorsPolicy {
  allowedOrigins: readonly string[];
}

const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';

/**
 * Answers a CORS preflight (true when it did) and marks responses to allowed origins.
 * Other origins get no CORS headers, so browsers refuse them, and Apollo's CSRF prevention
 * still refuses their "simple" requests.
 */
export function applyCors(policy: CorsPolicy | undefined, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  const allowed = !!origin && !!policy?.allowedOrigins.includes(origin);
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
  }
  if (req.method !== 'OPTIONS') return false;
  if (!allowed) {
    res.writeHead(403, { 'content-type': 'application/json' }).end('{"errors":[{"message":"origin not allowed","extensions":{"code":"FORBIDDEN"}}]}');
    return true;
  }
  res.writeHead(204, { 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': ALLOWED_HEADERS, 'access-control-max-age': '600' }).end();
  return true;
}

/** Parses CORS_ALLOWED_ORIGINS (comma-separated origins); a path or a wildcard is a configuration error. */
export function parseAllowedOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let ok = false;
    try {
      ok = new URL(origin).origin === origin;
    } catch {
      ok = false;
    }
    if (!ok) throw new Error(`CORS_ALLOWED_ORIGINS: "${origin}" is not an origin such as https://crm.example.com`);
  }
  return origins;
}
