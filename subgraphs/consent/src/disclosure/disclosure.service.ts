import { assertUuid, CallerKind, hasScope, DomainError, ErrorCode, PersonalDataCategory, type Caller, type Disclosure, type DisclosureRecorder } from '@c360/shared';
import { PARTNER_SHARING } from '../decision/decision.service';
import { unknownCategory } from '../decision/decision.errors';
import type { DisclosureRepository } from './disclosure.repository';

export const PRIVACY_ADMIN_SCOPE = 'privacy:admin';

/** Appends disclosures for the caller that received them; decides who may read a customer's ledger. */
export class DisclosureLedger implements DisclosureRecorder {
  constructor(private readonly disclosures: DisclosureRepository) {}

  async record(caller: Caller, subgraph: string, disclosures: Disclosure[], now = new Date()): Promise<void> {
    for (const d of disclosures) {
      assertUuid(d.customerId, 'customerId');
      for (const c of d.categories) if (!Object.values(PersonalDataCategory).includes(c)) throw unknownCategory('categories');
    }
    await this.disclosures.append(
      disclosures.map((d) => ({
        disclosedAt: now,
        customerId: d.customerId.toLowerCase(),
        partnerId: caller.kind === CallerKind.PARTNER ? (caller.partnerId ?? null) : null,
        clientId: caller.clientId,
        callerKind: caller.kind,
        purposeCode: caller.kind === CallerKind.PARTNER ? PARTNER_SHARING : (caller.purpose ?? 'UNDECLARED'),
        categories: [...d.categories].sort(),
        consentEventIds: d.consentRecordIds,
        subgraph,
      })),
    );
  }

  /** The customer themself, or privacy staff. */
  assertMayRead(caller: Caller, customerId: string): void {
    const self = caller.kind === CallerKind.CUSTOMER && caller.customerId === customerId;
    if (!self && !hasScope(caller, PRIVACY_ADMIN_SCOPE)) {
      throw new DomainError(ErrorCode.FORBIDDEN, `Reading a disclosure ledger requires being that customer or the ${PRIVACY_ADMIN_SCOPE} scope`, { scope: PRIVACY_ADMIN_SCOPE });
    }
  }
}
