import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { CallerKind, signCallerToken, type Caller } from '@c360/shared';
import type { AuthOptions } from '../../gateway/src/auth/bearer-authenticator';
import { DEFAULT_PURPOSE, DEFAULT_SCOPES } from '../../gateway/src/auth/caller-claims';
import { signToken } from '../../gateway/src/auth/development-keys';
import { SUBGRAPH_NAMES } from '../../gateway/src/config';

const ISSUER = 'urn:c360:bench-issuer';
const AUDIENCE = 'urn:c360:bench-gateway';
const CLIENT_ID = 'bench-internal-app';
/** Long enough for any benchmark run: the plain gateway's headers are signed once, at start. */
const FIXED_HEADER_TTL_SECONDS = 24 * 3600;

export interface BenchCallers {
  callerSigningKey: string;
  /** What our gateway trusts: a key pair made for this run. */
  auth: AuthOptions;
  /** Bearer header of a full-scope internal app (the customer-360 caller). */
  internalBearer: Record<string, string>;
  /** The same caller as a pre-signed subgraph header, by subgraph name (plain gateway, direct calls). */
  fixedCallerHeaders: Record<string, string>;
}

/** Fresh keys per run; the plain gateway and direct calls act as exactly the caller the bearer token names. */
export async function createBenchCallers(): Promise<BenchCallers> {
  const callerSigningKey = randomBytes(32).toString('base64url');
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = 'bench-key';
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const kind = CallerKind.INTERNAL_APP;
  const token = await signToken(privateJwk, { client_id: CLIENT_ID, kind, scope: DEFAULT_SCOPES[kind], purpose: DEFAULT_PURPOSE[kind] }, { issuer: ISSUER, audience: AUDIENCE, expiresIn: '6h' });
  const caller: Caller = { clientId: CLIENT_ID, kind, scopes: DEFAULT_SCOPES[kind].split(' '), purpose: DEFAULT_PURPOSE[kind] };
  return {
    callerSigningKey,
    auth: { issuer: ISSUER, audience: AUDIENCE, keys: { kind: 'inline', jwks: { keys: [publicJwk] } } },
    internalBearer: { authorization: `Bearer ${token}` },
    fixedCallerHeaders: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, signCallerToken(callerSigningKey, caller, name, Date.now(), FIXED_HEADER_TTL_SECONDS)])),
  };
}
