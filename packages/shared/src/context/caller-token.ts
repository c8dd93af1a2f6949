import { createHmac, timingSafeEqual } from 'node:crypto';
import { CallerKind, type Caller } from './caller';

/**
 * The gateway forwards the verified caller to each subgraph as a short-lived token,
 * HMAC-SHA256 signed with a key only the gateway and subgraphs share, with the
 * subgraph's name as audience. A subgraph trusts nothing else about who is calling.
 */
export const CALLER_HEADER = 'x-c360-caller';
export const CALLER_TOKEN_TTL_SECONDS = 60;

interface CallerTokenPayload {
  caller: Caller;
  aud: string;
  exp: number;
}

const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const sign = (key: string, body: string) => createHmac('sha256', key).update(body).digest();

export function signCallerToken(key: string, caller: Caller, audience: string, nowMs = Date.now(), ttlSeconds = CALLER_TOKEN_TTL_SECONDS): string {
  const payload: CallerTokenPayload = { caller, aud: audience, exp: Math.floor(nowMs / 1000) + ttlSeconds };
  const body = b64(JSON.stringify(payload));
  return `${body}.${sign(key, body).toString('base64url')}`;
}

export type CallerTokenCheck = { ok: true; caller: Caller } | { ok: false; reason: string };

export function verifyCallerToken(key: string, token: string | undefined, audience: string, nowMs = Date.now()): CallerTokenCheck {
  const check = checkCallerToken(key, token, audience, nowMs);
  return check.ok ? { ok: true, caller: check.caller } : check;
}

/** `verifyCallerToken` that also tells until when (seconds since the epoch) the token is valid. */
export function checkCallerToken(key: string, token: string | undefined, audience: string, nowMs = Date.now()): { ok: true; caller: Caller; exp: number } | { ok: false; reason: string } {
  if (!token) return { ok: false, reason: 'missing caller token' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed caller token' };
  const expected = sign(key, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad caller token signature' };
  let payload: CallerTokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CallerTokenPayload;
  } catch {
    return { ok: false, reason: 'malformed caller token' };
  }
  if (payload.aud !== audience) return { ok: false, reason: `caller token is for "${payload.aud}", not "${audience}"` };
  if (typeof payload.exp !== 'number' || payload.exp * 1000 < nowMs) return { ok: false, reason: 'caller token expired' };
  if (!payload.caller || !Object.values(CallerKind).includes(payload.caller.kind)) return { ok: false, reason: 'caller token has no valid caller' };
  return { ok: true, caller: payload.caller, exp: payload.exp };
}
