import { assertUuid, CallerKind, everyCustomerKnown, type Caller, type KnownCustomers } from '@c360/shared';
import type { PartnerRepository } from '../partner/partner.repository';
import type { PurposeEntity } from '../purpose/purpose.entity';
import { LegalBasis } from '../purpose/purpose.enums';
import { unknownPurpose } from '../purpose/purpose.errors';
import type { PurposeRepository } from '../purpose/purpose.repository';
import type { ConsentEventEntity } from './consent-event.entity';
import { ConsentStatus } from './consent.enums';
import { consentNotApplicable, inactivePartner, noNoticePublished, notYourConsent, partnerNotAllowed, partnerRequired, unknownNotice, unknownPartner } from './consent.errors';
import type { GrantConsentInput, RecordConsentDenialInput, WithdrawConsentInput } from './consent.input';
import type { ConsentRepository } from './consent.repository';

/**
 * The rules for recording consent decisions. Every accepted call appends exactly one
 * ledger event; a rejected call appends nothing (all checks run before the single INSERT).
 */
export class ConsentService {
  constructor(
    private readonly ledger: ConsentRepository,
    private readonly purposes: PurposeRepository,
    private readonly partners: PartnerRepository,
    /** Consents only for customers the customers subgraph knows and has not erased. */
    private readonly known: KnownCustomers = everyCustomerKnown,
  ) {}

  grant(input: GrantConsentInput, caller: Caller, now = new Date()): Promise<ConsentEventEntity> {
    return this.record(ConsentStatus.GRANTED, input, input.noticeVersion, caller, now);
  }

  deny(input: RecordConsentDenialInput, caller: Caller, now = new Date()): Promise<ConsentEventEntity> {
    return this.record(ConsentStatus.DENIED, input, input.noticeVersion, caller, now);
  }

  /** Allowed even when nothing was granted, and for inactive partners: withdrawing is never harder than granting. */
  withdraw(input: WithdrawConsentInput, caller: Caller, now = new Date()): Promise<ConsentEventEntity> {
    return this.record(ConsentStatus.WITHDRAWN, input, undefined, caller, now);
  }

  private async record(status: ConsentStatus, input: WithdrawConsentInput, noticeVersion: number | null | undefined, caller: Caller, now: Date): Promise<ConsentEventEntity> {
    const customerId = assertUuid(input.customerId, 'customerId');
    if (caller.kind === CallerKind.CUSTOMER && caller.customerId?.toLowerCase() !== customerId) throw notYourConsent();
    const purpose = await this.purposes.findByCode(input.purposeCode);
    if (!purpose) throw unknownPurpose();
    if (purpose.legalBasis !== LegalBasis.CONSENT) throw consentNotApplicable(purpose);
    const partnerId = await this.checkPartner(purpose, input.partnerId ?? null, status);
    // A customer token is bound to its own id: a retired one is NOT_FOUND to it, never an alias oracle.
    const follow = caller.kind !== CallerKind.CUSTOMER;
    // The existence check refuses unknown and erased ids; where a retired id lands is decided in the appending transaction.
    if (follow) await this.known.resolveWritable([customerId]);
    else await this.known.assertWritable([customerId]);
    return this.ledger.append({
      customerId,
      purposeCode: purpose.code,
      partnerId,
      status,
      noticeVersion: status === ConsentStatus.WITHDRAWN ? null : await this.checkNotice(purpose, noticeVersion ?? null),
      channel: input.channel,
      clientId: caller.clientId,
      recordedAt: now,
    }, follow);
  }

  private async checkPartner(purpose: PurposeEntity, partnerId: string | null, status: ConsentStatus): Promise<string | null> {
    if (!purpose.partnerScoped) {
      if (partnerId !== null) throw partnerNotAllowed(purpose.code);
      return null;
    }
    if (partnerId === null) throw partnerRequired(purpose.code);
    const partner = await this.partners.findById(partnerId);
    if (!partner) throw unknownPartner();
    if (!partner.active && status !== ConsentStatus.WITHDRAWN) throw inactivePartner();
    return partner.id;
  }

  /** Consent must be informed: it names the notice shown, by default the current one. */
  private async checkNotice(purpose: PurposeEntity, version: number | null): Promise<number> {
    if (version === null) {
      const latest = await this.purposes.latestNotice(purpose.code);
      if (!latest) throw noNoticePublished(purpose.code);
      return latest.version;
    }
    if (!(await this.purposes.findNotice(purpose.code, version))) throw unknownNotice();
    return version;
  }
}
