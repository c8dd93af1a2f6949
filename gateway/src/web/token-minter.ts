import type { CallerClaims } from '../auth/caller-claims';

/** Signs access tokens the gateway itself accepts: the development key, or WEB_SIGN_IN_KEY_PATH. */
export interface TokenMinter {
  mint(claims: CallerClaims): Promise<string>;
}
