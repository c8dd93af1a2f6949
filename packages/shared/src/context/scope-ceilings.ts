import { CallerKind, type Caller } from './caller';

/** Every scope the graph checks; a scope outside this list is granted to no kind but INTERNAL_APP. */
export const SCOPES = {
  CUSTOMERS_READ: 'customers:read',
  CUSTOMERS_PII_READ: 'customers.pii:read',
  CUSTOMERS_WRITE: 'customers:write',
  /** Merging two profiles into one person (with customers:write); staff only: no kind ceiling lists it. */
  CUSTOMERS_MERGE: 'customers:merge',
  ORDERS_READ: 'orders:read',
  ORDERS_WRITE: 'orders:write',
  OFFERS_READ: 'offers:read',
  OFFERS_WRITE: 'offers:write',
  /** The customer records its own reactions to offers eligible for it (self-service only). */
  OFFERS_RESPOND: 'offers:respond',
  CONSENT_READ: 'consent:read',
  CONSENT_WRITE: 'consent:write',
  ANALYTICS_READ: 'analytics:read',
  CATALOGUE_WRITE: 'catalogue:write',
  STOCK_WRITE: 'stock:write',
  PRIVACY_ADMIN: 'privacy:admin',
} as const;

const S = SCOPES;

/**
 * The most a token of each kind may ever hold (null: no ceiling). A token asking for more is
 * refused outright, never trimmed: a silently narrower token hides a misconfigured client.
 * BI reads aggregates only; a partner reads rows of its own audience and never writes or
 * administers; an ERP feeds data and reads no personal fields; a customer serves itself.
 */
export const SCOPE_CEILINGS: Readonly<Record<CallerKind, readonly string[] | null>> = {
  [CallerKind.INTERNAL_APP]: null,
  [CallerKind.BI]: [S.ANALYTICS_READ],
  [CallerKind.PARTNER]: [S.CUSTOMERS_READ, S.CUSTOMERS_PII_READ, S.ORDERS_READ, S.OFFERS_READ, S.CONSENT_READ],
  [CallerKind.ERP_INTEGRATION]: [S.CUSTOMERS_READ, S.CUSTOMERS_WRITE, S.ORDERS_READ, S.ORDERS_WRITE, S.OFFERS_WRITE, S.CONSENT_WRITE, S.CATALOGUE_WRITE, S.STOCK_WRITE],
  [CallerKind.CUSTOMER]: [S.CUSTOMERS_READ, S.CUSTOMERS_PII_READ, S.CUSTOMERS_WRITE, S.ORDERS_READ, S.OFFERS_READ, S.OFFERS_RESPOND, S.CONSENT_READ, S.CONSENT_WRITE],
};

/** The scopes beyond the kind's ceiling, in the order asked (empty when within it). */
export function scopesBeyondCeiling(kind: CallerKind, scopes: readonly string[]): string[] {
  const ceiling = SCOPE_CEILINGS[kind];
  if (ceiling === null) return [];
  return scopes.filter((scope) => !ceiling.includes(scope));
}

export const exceedsCeiling = (caller: Pick<Caller, 'kind' | 'scopes'>): boolean => scopesBeyondCeiling(caller.kind, caller.scopes).length > 0;
