import { createHash, timingSafeEqual } from 'node:crypto';
import { SignInError } from './sign-in-errors';

/** Used sign-ins kept at most (a bound on memory); past it, sign-ins wait until older ones expire. */
const MAX_REMEMBERED = 100_000;

/**
 * OpenID Connect Core 3.1.2.1 / 15.5.2: the nonce binds an ID token to one sign-in attempt. The
 * browser keeps a random verifier for the attempt (in its tab's session storage, like the PKCE
 * verifier) and sends only its SHA-256 (base64url) to the provider as the nonce; the exchange must
 * present the verifier. An ID token alone (copied from a log, a proxy or another tab) mints nothing.
 */
export function assertNonceBound(nonce: unknown, verifier: unknown): string {
  if (typeof nonce !== 'string' || nonce === '') throw new SignInError('ID_TOKEN_INVALID', 'The ID token carries no nonce: it was not issued for a sign-in this application started');
  if (typeof verifier !== 'string' || !/^[A-Za-z0-9\-_]{43,128}$/.test(verifier))
    throw new SignInError('BAD_REQUEST', 'Expected {"idToken":"<JWT>","nonceVerifier":"<the sign-in attempt’s nonce verifier>"}');
  const expected = createHash('sha256').update(verifier).digest();
  const actual = Buffer.from(nonce, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new SignInError('ID_TOKEN_INVALID', 'The ID token’s nonce does not belong to this sign-in attempt');
  return nonce;
}

/**
 * Remembers every exchanged sign-in (issuer + nonce, and the token's jti when it has one) until the
 * ID token could no longer be accepted anyway, so the same ID token or authorization response is
 * exchanged at most once in its lifetime. In memory, per gateway process: with several replicas
 * the nonce binding still keeps a copied token useless, and a replay needs the attempt's verifier too.
 */
export class UsedSignIns {
  private readonly until = new Map<string, number>();

  constructor(private readonly max = MAX_REMEMBERED) {}

  /** Records the sign-in; ID_TOKEN_REPLAYED when any of its keys was already exchanged and has not expired. */
  claim(keys: readonly string[], expiresAt: number, now = Date.now()): void {
    this.sweep(now);
    if (keys.some((key) => (this.until.get(key) ?? 0) > now)) throw new SignInError('ID_TOKEN_REPLAYED', 'This sign-in was already used: sign in again');
    if (this.until.size + keys.length > this.max) throw new SignInError('PROVIDER_UNAVAILABLE', 'Too many sign-ins at once: try again shortly');
    for (const key of keys) this.until.set(key, expiresAt);
  }

  get size(): number {
    return this.until.size;
  }

  private sweep(now: number): void {
    // Insertion order is roughly expiry order (tokens live about as long as each other).
    for (const [key, until] of this.until) {
      if (until > now) break;
      this.until.delete(key);
    }
  }
}
