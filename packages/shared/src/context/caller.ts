/** Who is calling, as verified by the gateway and forwarded to every subgraph. */
export enum CallerKind {
  INTERNAL_APP = 'INTERNAL_APP',
  PARTNER = 'PARTNER',
  ERP_INTEGRATION = 'ERP_INTEGRATION',
  BI = 'BI',
  CUSTOMER = 'CUSTOMER',
}

export interface Caller {
  clientId: string;
  kind: CallerKind;
  scopes: readonly string[];
  /** The consent Purpose code the caller declared (e.g. SERVICE, MARKETING). */
  purpose?: string;
  /** Set for PARTNER callers: the partner the token is bound to. */
  partnerId?: string;
  /** Set for CUSTOMER (self-service) callers: the only customer they may reach. */
  customerId?: string;
}

export function hasScope(caller: Caller, scope: string): boolean {
  return caller.scopes.includes(scope);
}
