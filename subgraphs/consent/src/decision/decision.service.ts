import { CallerKind, DecisionReason, type Caller, type ConsentDecider, type ConsentDecision, type DecisionRequest } from '@c360/shared';
import { grantSatisfiesNotice } from '../purpose/notice-requirement';
import { dataCategoriesOf } from '../purpose/purpose-categories';
import type { DecisionRepository, LatestConsent } from './decision.repository';

export const PARTNER_SHARING = 'PARTNER_SHARING';

/** Customers a caller may see as rows: everyone, or only those whose consent covers the caller. */
export interface Audience {
  everyone: boolean;
  customerIds: string[];
}

const WITHHELD: Record<LatestConsent['status'], DecisionReason> = {
  GRANTED: DecisionReason.CONSENT_GRANTED,
  WITHDRAWN: DecisionReason.CONSENT_WITHDRAWN,
  DENIED: DecisionReason.CONSENT_DENIED,
};

/**
 * (customer, category, purpose, recipient) -> allow / deny with a reason.
 * Partners always need a grant naming them; self-service callers see only themselves;
 * otherwise the declared purpose's legal basis decides, and CONSENT purposes need a current grant.
 */
export class ConsentDecisionService implements ConsentDecider {
  constructor(private readonly repository: DecisionRepository) {}

  /** The purpose and recipient a caller's access is judged under. */
  private basisOf(caller: Caller): { purposeCode: string | undefined; partnerId: string | null } {
    if (caller.kind === CallerKind.PARTNER) return { purposeCode: PARTNER_SHARING, partnerId: caller.partnerId ?? null };
    return { purposeCode: caller.purpose, partnerId: null };
  }

  async decide(caller: Caller, requests: DecisionRequest[]): Promise<ConsentDecision[]> {
    const deny = (r: DecisionRequest, reason: DecisionReason): ConsentDecision => ({ ...r, allowed: false, reason });
    const allow = (r: DecisionRequest, reason: DecisionReason, consentRecordId: string | null = null): ConsentDecision => ({ ...r, allowed: true, reason, consentRecordId });
    if (caller.kind === CallerKind.CUSTOMER) {
      return requests.map((r) => (r.customerId === caller.customerId ? allow(r, DecisionReason.SELF_ACCESS) : deny(r, DecisionReason.NOT_THIS_CUSTOMER)));
    }
    const { purposeCode, partnerId } = this.basisOf(caller);
    if (!purposeCode) return requests.map((r) => deny(r, DecisionReason.NO_PURPOSE));
    const purpose = await this.repository.purpose(purposeCode);
    if (!purpose) return requests.map((r) => deny(r, DecisionReason.UNKNOWN_PURPOSE));
    const covered = new Set(dataCategoriesOf(purpose.code));
    if (purpose.legalBasis !== 'CONSENT' && partnerId === null) {
      const reason = purpose.legalBasis === 'CONTRACT' ? DecisionReason.LEGAL_BASIS_CONTRACT : DecisionReason.LEGAL_BASIS_LEGITIMATE_INTEREST;
      return requests.map((r) => (covered.has(r.category) ? allow(r, reason) : deny(r, DecisionReason.CATEGORY_NOT_COVERED)));
    }
    const customerIds = [...new Set(requests.map((r) => r.customerId))];
    const latest = new Map((await this.repository.latest(customerIds, purpose.code, partnerId)).map((l) => [l.customerId, l]));
    return requests.map((r) => {
      if (!covered.has(r.category)) return deny(r, DecisionReason.CATEGORY_NOT_COVERED);
      const consent = latest.get(r.customerId);
      if (!consent) return deny(r, DecisionReason.NO_CONSENT);
      if (consent.status !== 'GRANTED') return deny(r, WITHHELD[consent.status]);
      if (!grantSatisfiesNotice(consent.noticeVersion, purpose.requiredNoticeVersion)) return deny(r, DecisionReason.NOTICE_OUTDATED);
      return allow(r, DecisionReason.CONSENT_GRANTED, consent.eventId);
    });
  }

  async audience(caller: Caller): Promise<Audience> {
    if (caller.kind === CallerKind.CUSTOMER) return { everyone: false, customerIds: caller.customerId ? [caller.customerId] : [] };
    const { purposeCode, partnerId } = this.basisOf(caller);
    if (!purposeCode) return { everyone: false, customerIds: [] };
    const purpose = await this.repository.purpose(purposeCode);
    if (!purpose) return { everyone: false, customerIds: [] };
    if (purpose.legalBasis !== 'CONSENT' && partnerId === null) return { everyone: true, customerIds: [] };
    return { everyone: false, customerIds: await this.repository.granted(purpose.code, partnerId) };
  }
}
