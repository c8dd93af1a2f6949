import type { IncomingMessage } from 'node:http';
import { CallerKind, type Caller } from '@c360/shared';

/**
 * Resolves who is calling. Until bearer-token verification lands (issue: scoped tokens),
 * every request acts as one internal development app; this is the single place that
 * changes when it does.
 */
export async function authenticate(_request: Pick<IncomingMessage, 'headers'>): Promise<Caller> {
  return {
    clientId: 'development',
    kind: CallerKind.INTERNAL_APP,
    scopes: ['customers:read', 'customers:write', 'orders:read', 'orders:write', 'offers:read', 'offers:write', 'consent:read', 'consent:write'],
    purpose: 'SERVICE',
  };
}
