import { applyStandingDecision, audienceFromStanding, CallerKind, purposeCaller, type PurposeDecision, type PurposeDecisionRequest, type CategoryAudience, DecisionReason, PER_CUSTOMER, PersonalDataCategory, type Caller, type ConsentDecider, type ConsentDecision, type DecisionRequest, type StandingDecision } from '@c360/shared';
import { grantSatisfiesNotice } from '../purpose/notice-requirement';
import type { DecisionRepository, LatestConsent, PurposeRule } from './decision.repository';

const ALL_CATEGORIES: readonly PersonalDataCategory[] = Object.values(PersonalDataCategory);

const fixed = (allowedCategories: readonly PersonalDataCategory[], reason: DecisionReason, deniedReason: DecisionReason, onlyCustomerId: string | null = null): StandingDecision => ({
  perCustomer: false,
  allowedCategories,
  reason,
  deniedReason,
  onlyCustomerId,
});

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
 * Partners always need a grant naming them and must be registered and active; self-service callers see only themselves;
 * otherwise the declared purpose's legal basis decides, and CONSENT purposes need a current grant.
 */
export class ConsentDecisionService implements ConsentDecider {
  constructor(private readonly repository: DecisionRepository) {}

  /** The purpose and recipient a caller's access is judged under. */
  private basisOf(caller: Caller): { purposeCode: string | undefined; partnerId: string | null } {
    if (caller.kind === CallerKind.PARTNER) return { purposeCode: PARTNER_SHARING, partnerId: caller.partnerId ?? null };
    return { purposeCode: caller.purpose, partnerId: null };
  }

  /**
   * What the caller alone decides: self-service callers reach only themselves; a purpose whose
   * legal basis is not consent allows exactly the categories it covers; unknown or missing
   * purposes deny everything. Partners and CONSENT purposes need the ledger, per customer.
   */
  async standing(caller: Caller): Promise<StandingDecision> {
    const standingOnly = this.callerOnlyStanding(caller);
    if (standingOnly) return standingOnly;
    const { purposeCode, partnerId } = this.basisOf(caller);
    return this.purposeStanding(await this.repository.purpose(purposeCode!), partnerId);
  }

  /** Decided by the caller token alone: self-service callers, callers without a purpose. */
  private callerOnlyStanding(caller: Caller): StandingDecision | null {
    if (caller.kind === CallerKind.CUSTOMER) return fixed(ALL_CATEGORIES, DecisionReason.SELF_ACCESS, DecisionReason.NOT_THIS_CUSTOMER, caller.customerId ?? '');
    if (!this.basisOf(caller).purposeCode) return fixed([], DecisionReason.NO_PURPOSE, DecisionReason.NO_PURPOSE);
    return null;
  }

  /** Decided by the purpose's rule: unknown purposes deny, non-consent legal bases allow their categories. */
  private purposeStanding(purpose: PurposeRule | null, partnerId: string | null): StandingDecision {
    if (!purpose) return fixed([], DecisionReason.UNKNOWN_PURPOSE, DecisionReason.UNKNOWN_PURPOSE);
    if (purpose.legalBasis !== 'CONSENT' && partnerId === null) {
      const reason = purpose.legalBasis === 'CONTRACT' ? DecisionReason.LEGAL_BASIS_CONTRACT : DecisionReason.LEGAL_BASIS_LEGITIMATE_INTEREST;
      return fixed(purpose.dataCategories, reason, DecisionReason.CATEGORY_NOT_COVERED);
    }
    return PER_CUSTOMER;
  }

  /** One statement for a batch that needs the ledger (purpose rule and latest events read together); none otherwise. */
  async decide(caller: Caller, requests: DecisionRequest[]): Promise<ConsentDecision[]> {
    const standingOnly = this.callerOnlyStanding(caller);
    if (standingOnly) return requests.map((r) => applyStandingDecision(standingOnly, r));
    const { purposeCode, partnerId } = this.basisOf(caller);
    const customerIds = [...new Set(requests.map((r) => r.customerId))];
    const { purpose, partnerActive, latest } = await this.repository.purposeWithLatest(customerIds, purposeCode!, partnerId);
    // A partner that is not registered and active receives nothing, whatever it was granted.
    return this.decideAgainst(requests, purpose, partnerId, latest, caller.kind !== CallerKind.PARTNER || partnerActive);
  }

  /**
   * Purpose-only decisions for several purposes, each judged as an internal app declaring it
   * (exactly what `decide` answers for that caller), with one statement for all purposes.
   */
  async decideAcrossPurposes(clientId: string, requests: PurposeDecisionRequest[]): Promise<PurposeDecision[]> {
    const purposes = [...new Set(requests.map((r) => r.purpose))];
    const customerIds = [...new Set(requests.map((r) => r.customerId))];
    const read = purposes.every((p) => this.callerOnlyStanding(purposeCaller(clientId, p))) ? new Map() : await this.repository.purposesWithLatest(customerIds, purposes);
    return purposes.flatMap((code) => {
      const asked = requests.filter((r) => r.purpose === code).map(({ customerId, category }) => ({ customerId, category }));
      const standingOnly = this.callerOnlyStanding(purposeCaller(clientId, code));
      const decisions = standingOnly ? asked.map((r) => applyStandingDecision(standingOnly, r)) : this.decideAgainst(asked, read.get(code)?.purpose ?? null, null, read.get(code)?.latest ?? [], true);
      return decisions.map((d) => ({ ...d, purpose: code }));
    });
  }

  /** The per-customer rule, given what the ledger holds now for the caller's purpose (and partner). */
  private decideAgainst(requests: DecisionRequest[], purpose: PurposeRule | null, partnerId: string | null, latest: LatestConsent[], partnerActive: boolean): ConsentDecision[] {
    const standing = this.purposeStanding(purpose, partnerId);
    if (!standing.perCustomer || !purpose) return requests.map((r) => applyStandingDecision(standing, r));
    const deny = (r: DecisionRequest, reason: DecisionReason): ConsentDecision => ({ ...r, allowed: false, reason });
    if (!partnerActive) return requests.map((r) => deny(r, DecisionReason.PARTNER_INACTIVE));
    const covered = new Set<PersonalDataCategory>(purpose.dataCategories);
    const latestByCustomer = new Map(latest.map((l) => [l.customerId, l]));
    return requests.map((r) => {
      if (!covered.has(r.category)) return deny(r, DecisionReason.CATEGORY_NOT_COVERED);
      const consent = latestByCustomer.get(r.customerId);
      if (!consent) return deny(r, DecisionReason.NO_CONSENT);
      if (consent.status !== 'GRANTED') return deny(r, WITHHELD[consent.status]);
      if (!grantSatisfiesNotice(consent.noticeVersion, purpose.requiredNoticeVersion)) return deny(r, DecisionReason.NOTICE_OUTDATED);
      return { ...r, allowed: true, reason: DecisionReason.CONSENT_GRANTED, consentRecordId: consent.eventId };
    });
  }

  /**
   * For each category, the customers it would be released for to this caller: what a predicate
   * over it may match. Self-service and non-consent purposes follow the standing decision; a
   * CONSENT purpose (or a partner) releases a covered category exactly to the current grants.
   */
  async categoryAudiences(caller: Caller, categories: PersonalDataCategory[]): Promise<CategoryAudience[]> {
    const standing = await this.standing(caller);
    if (!standing.perCustomer) return categories.map((category) => audienceFromStanding(standing, category));
    const { purposeCode, partnerId } = this.basisOf(caller);
    const purpose = await this.repository.purpose(purposeCode!);
    const covered = new Set<PersonalDataCategory>(purpose?.dataCategories ?? []);
    // One ledger read for every covered category: consent is per purpose (and partner), not per category.
    const granted = purpose && categories.some((c) => covered.has(c)) ? await this.repository.granted(purpose.code, partnerId) : [];
    return categories.map((category) => ({ category, covered: covered.has(category), everyone: false, customerIds: covered.has(category) ? granted : [] }));
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
