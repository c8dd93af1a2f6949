import { DomainError, ErrorCode, hasScope, type Caller } from '@c360/shared';

/** Scope for ledger-wide audits and for changing what a purpose requires. */
export const CONSENT_ADMIN_SCOPE = 'privacy:admin';

export function assertConsentAdmin(caller: Caller, operation: string): void {
  if (!hasScope(caller, CONSENT_ADMIN_SCOPE)) throw new DomainError(ErrorCode.FORBIDDEN, `${operation} requires the ${CONSENT_ADMIN_SCOPE} scope`, { scope: CONSENT_ADMIN_SCOPE });
}

/** Reading one customer's consent records (receipts, chain verification): consent readers or privacy staff. */
export const CONSENT_RECORD_SCOPES = ['consent:read', CONSENT_ADMIN_SCOPE] as const;
