import type { Caller } from './caller';
import { CALLER_TOKEN_TTL_SECONDS, checkCallerToken, signCallerToken, verifyCallerToken, type CallerTokenCheck } from './caller-token';

/** A token is reused while at least this much of its life is left (it lives 60 s): every receiver still has ample time. */
const REUSE_WHILE_LEFT_MS = 30_000;
/** Distinct callers × audiences (signing) or tokens (verifying) kept per signing key; past it, start afresh. */
const MAX_ENTRIES = 5_000;

const signed = new Map<string, Map<string, { token: string; reuseUntil: number }>>();
const verified = new Map<string, Map<string, { caller: Caller; audience: string; expiresAt: number }>>();

function table<V>(tables: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let entries = tables.get(key);
  if (!entries) tables.set(key, (entries = new Map()));
  if (entries.size >= MAX_ENTRIES) entries.clear();
  return entries;
}

/**
 * `signCallerToken`, but a token already signed for the same caller (field for field) and audience is
 * handed out again while it has at least 30 s of its 60 s left: the HMAC and the encoding are paid
 * once per caller and audience every half minute, not once per subgraph call. The token says exactly
 * what a fresh one would (same caller, same audience); only its expiry is up to 30 s earlier.
 */
export function reusableCallerToken(key: string, caller: Caller, audience: string, nowMs = Date.now()): string {
  const entries = table(signed, key);
  const id = `${audience}\u0000${JSON.stringify(caller)}`;
  const hit = entries.get(id);
  if (hit && hit.reuseUntil > nowMs) return hit.token;
  const token = signCallerToken(key, caller, audience, nowMs, CALLER_TOKEN_TTL_SECONDS);
  const expiresAtMs = (Math.floor(nowMs / 1000) + CALLER_TOKEN_TTL_SECONDS) * 1000;
  entries.set(id, { token, reuseUntil: expiresAtMs - REUSE_WHILE_LEFT_MS });
  return token;
}

/**
 * `verifyCallerToken`, remembering tokens whose signature and caller already checked out: the same
 * bytes under the same key verify the same way, so only the audience and the expiry are checked again.
 * Each answer is a fresh copy of the caller (a request may not change what the next one sees).
 */
export function verifyCallerTokenOnce(key: string, token: string | undefined, audience: string, nowMs = Date.now()): CallerTokenCheck {
  if (!token) return verifyCallerToken(key, token, audience, nowMs);
  const entries = table(verified, key);
  const hit = entries.get(token);
  if (hit && hit.audience === audience && hit.expiresAt >= nowMs) return { ok: true, caller: { ...hit.caller, scopes: [...hit.caller.scopes] } };
  const check = checkCallerToken(key, token, audience, nowMs);
  if (!check.ok) return check;
  entries.set(token, { caller: { ...check.caller, scopes: [...check.caller.scopes] }, audience, expiresAt: check.exp * 1000 });
  return { ok: true, caller: check.caller };
}
