import type { IncomingMessage, ServerResponse } from 'node:http';

/** Why a sign-in minted no token: a stable code for the browser, a message that never echoes input. */
export const SignInErrorCode = {
  BAD_REQUEST: 400,
  UNKNOWN_PURPOSE: 400,
  UNKNOWN_ROLE: 400,
  ID_TOKEN_INVALID: 401,
  ID_TOKEN_EXPIRED: 401,
  ID_TOKEN_REPLAYED: 401,
  NO_SUCH_CUSTOMER: 401,
  NOT_LINKED: 403,
  NO_STAFF_ROLE: 403,
  PROVIDER_UNAVAILABLE: 502,
} as const;
export type SignInErrorCode = keyof typeof SignInErrorCode;

export class SignInError extends Error {
  constructor(
    readonly code: SignInErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

export function sendSignInError(response: ServerResponse, error: SignInError): void {
  sendJson(response, SignInErrorCode[error.code], { error: { code: error.code, message: error.message } });
}

/** A JSON object body of at most `limit` characters, or undefined. */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<Record<string, unknown> | undefined> {
  let raw = '';
  for await (const chunk of request) {
    raw += String(chunk);
    if (raw.length > limit) return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
