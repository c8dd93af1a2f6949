import type { JWTPayload } from 'jose';
import { CallerKind, isUuid, SCOPES, scopesBeyondCeiling, type Caller } from '@c360/shared';

const KNOWN_SCOPES = new Set<string>(Object.values(SCOPES));

/**
 * The claims a customer-360 access token carries (RFC 9068 names where one exists):
 * client_id, scope (space-separated), and ours: kind, purpose, partner_id, customer_id.
 */
export interface CallerClaims extends JWTPayload {
  client_id?: string;
  kind?: string;
  scope?: string;
  purpose?: string;
  partner_id?: string;
  customer_id?: string;
}

export const DEFAULT_SCOPES: Record<CallerKind, string> = {
  [CallerKind.INTERNAL_APP]: 'customers:read customers.pii:read customers:write orders:read orders:write offers:read offers:write consent:read consent:write',
  [CallerKind.PARTNER]: 'customers:read customers.pii:read offers:read',
  [CallerKind.ERP_INTEGRATION]: 'customers:read customers:write orders:read orders:write catalogue:write stock:write',
  [CallerKind.BI]: 'analytics:read',
  [CallerKind.CUSTOMER]: 'customers:read customers.pii:read customers:write orders:read offers:read offers:respond consent:read consent:write',
};

export const DEFAULT_PURPOSE: Record<CallerKind, string> = {
  [CallerKind.INTERNAL_APP]: 'SERVICE',
  [CallerKind.PARTNER]: 'PARTNER_SHARING',
  [CallerKind.ERP_INTEGRATION]: 'SERVICE',
  [CallerKind.BI]: 'ANALYTICS',
  [CallerKind.CUSTOMER]: 'SERVICE',
};

/** Turns verified claims into a Caller, or says which claim is wrong. */
export function callerFromClaims(claims: CallerClaims): { caller: Caller } | { problem: string } {
  const kind = claims.kind as CallerKind;
  if (!Object.values(CallerKind).includes(kind)) return { problem: 'the "kind" claim is missing or unknown' };
  const clientId = claims.client_id ?? claims.sub;
  if (typeof clientId !== 'string' || clientId === '') return { problem: 'the "client_id" claim is missing' };
  if (claims.scope !== undefined && typeof claims.scope !== 'string') return { problem: 'the "scope" claim must be a space-separated string' };
  if (typeof claims.purpose !== 'string' || !/^[A-Z][A-Z_]{1,63}$/.test(claims.purpose)) return { problem: 'the "purpose" claim must name a purpose code' };
  if (kind === CallerKind.PARTNER && (typeof claims.partner_id !== 'string' || claims.partner_id === '')) return { problem: 'a partner token needs "partner_id"' };
  if (kind === CallerKind.CUSTOMER && (typeof claims.customer_id !== 'string' || !isUuid(claims.customer_id))) return { problem: 'a customer token needs a "customer_id" UUID' };
  const scopes = (claims.scope ?? '').split(' ').filter(Boolean);
  const beyond = scopesBeyondCeiling(kind, scopes);
  if (beyond.length > 0) return { problem: `a ${kind} token may not hold ${beyond.map((s) => (KNOWN_SCOPES.has(s) ? s : 'an unknown scope')).join(', ')}: beyond the kind's ceiling` };
  return {
    caller: {
      clientId,
      kind,
      scopes,
      purpose: claims.purpose,
      partnerId: kind === CallerKind.PARTNER ? claims.partner_id : undefined,
      customerId: kind === CallerKind.CUSTOMER ? claims.customer_id?.toLowerCase() : undefined,
    },
  };
}
