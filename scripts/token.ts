import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TOKEN_OPTIONS } from './token-options';
import { CallerKind, SCOPE_CEILINGS, scopesBeyondCeiling } from '@c360/shared';
import { DEFAULT_PURPOSE, DEFAULT_SCOPES } from '../gateway/src/auth/caller-claims';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevelopmentKeys, signToken } from '../gateway/src/auth/development-keys';

const USAGE = `npm run -s token -- --kind <KIND> [--scopes "..."] [--purpose <CODE>] [--partner <ID>] [--customer <ID>] [--client <ID>] [--ttl 1h]
  KIND: ${Object.values(CallerKind).join(', ')}
Prints a DEVELOPMENT access token (signed with .data/dev-keys) for the local gateway.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main() {
  const { values } = parseArgs({ options: { ...TOKEN_OPTIONS, ttl: { ...TOKEN_OPTIONS.ttl, default: '1h' } } });
  if (process.env.AUTH_JWKS_URL || process.env.AUTH_JWKS_PATH) fail('A production key set is configured: the development key would be refused. Use your identity provider.');
  const kind = values.kind as CallerKind;
  if (!Object.values(CallerKind).includes(kind)) fail(`--kind must be one of ${Object.values(CallerKind).join(', ')}`);
  if (kind === CallerKind.PARTNER && !values.partner) fail('--partner is required for a PARTNER token');
  if (kind === CallerKind.CUSTOMER && !values.customer) fail('--customer is required for a CUSTOMER token');
  const scope = values.scopes ?? DEFAULT_SCOPES[kind];
  const beyond = scopesBeyondCeiling(kind, scope.split(' ').filter(Boolean));
  // The gateway refuses such a token with 401; say so here rather than print a token that cannot work.
  if (beyond.length > 0) fail(`A ${kind} token may not hold ${beyond.join(', ')}. Its ceiling is: ${SCOPE_CEILINGS[kind]?.join(' ')}`);
  const keys = await ensureDevelopmentKeys(process.env.AUTH_DEV_KEYS_DIR ?? join(process.cwd(), '.data', 'dev-keys'));
  const token = await signToken(
    keys.privateJwk,
    {
      client_id: values.client ?? `dev-${kind.toLowerCase().replace(/_/g, '-')}`,
      kind,
      scope,
      purpose: values.purpose ?? DEFAULT_PURPOSE[kind],
      ...(values.partner ? { partner_id: values.partner } : {}),
      ...(values.customer ? { customer_id: values.customer } : {}),
    },
    { issuer: process.env.AUTH_ISSUER ?? DEV_ISSUER, audience: process.env.AUTH_AUDIENCE ?? DEV_AUDIENCE, expiresIn: values.ttl },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => fail(error.message));
