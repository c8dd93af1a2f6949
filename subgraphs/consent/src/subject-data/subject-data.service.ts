import { ErasureAction, type ErasureCount, type MergeCount, type SubjectDataHandler } from '@c360/shared';
import type { ConsentMergeRepository } from './consent-merge.repository';
import { SUBJECT_REQUEST_CALLER } from '../subject-request/subject-data-participants';
import type { SubjectRequestRepository } from '../subject-request/subject-request.repository';
import type { ConsentSubjectDataRepository } from './subject-data.repository';
import type { WebhookDeliveryRepository } from '../webhooks/webhook-delivery.repository';

/**
 * Retention here: the consent ledger and the disclosure ledger are append-only evidence (proof
 * of consent, accountability for what was released), so their rows are kept, keyed only by the
 * customer id, which no longer leads to a person once the profile is erased; they hold no name,
 * contact or other profile value. An erasure also ends every consent still in force, by
 * appending withdrawals: the ledger then says what is true, and no decision can rely on a grant
 * of an erased customer. Stored access documents and webhook deliveries are personal data and are removed.
 */
export class ConsentSubjectData implements SubjectDataHandler {
  constructor(
    private readonly ledgers: ConsentSubjectDataRepository,
    private readonly requests: SubjectRequestRepository,
    private readonly merges: ConsentMergeRepository,
    private readonly webhookDeliveries: WebhookDeliveryRepository,
  ) {}

  mergeSubject(mergeId: string, survivorId: string, mergedId: string, now = new Date()): Promise<MergeCount[]> {
    return this.merges.merge(mergeId, survivorId, mergedId, now);
  }

  unmergeSubject(mergeId: string, now = new Date()): Promise<MergeCount[]> {
    return this.merges.unmerge(mergeId, now);
  }

  async exportSubject(customerId: string): Promise<Record<string, unknown>> {
    const [consentHistory, disclosures, subjectRequests] = await Promise.all([
      this.ledgers.consentHistory(customerId),
      this.ledgers.disclosures(customerId),
      this.requests.summaries(customerId),
    ]);
    return { consentHistory, disclosures, subjectRequests };
  }

  async eraseSubject(customerId: string, _requestId: string, now = new Date()): Promise<ErasureCount[]> {
    const documents = await this.requests.eraseAccessDocuments(customerId);
    const { withdrawn, tombstoned } = await this.ledgers.withdrawConsentsInForce(customerId, SUBJECT_REQUEST_CALLER.clientId, now);
    const mergedIds = await this.merges.eraseMerged(customerId, now);
    // Webhook deliveries about the customer go too, except erasure notices still to send.
    const deliveries = await this.webhookDeliveries.purgeCustomer([customerId]);
    const kept = await this.ledgers.counts(customerId);
    return [
      { table: 'consent.subject_request', action: ErasureAction.DELETED, rows: documents },
      { table: 'consent.webhook_delivery', action: ErasureAction.DELETED, rows: deliveries },
      { table: 'consent.consent_event', action: ErasureAction.WITHDRAWN, rows: withdrawn },
      { table: 'consent.consent_event', action: ErasureAction.RETAINED, rows: kept.events },
      { table: 'consent.disclosure', action: ErasureAction.RETAINED, rows: kept.disclosures },
      { table: 'consent.erased_customer', action: ErasureAction.TOMBSTONED, rows: tombstoned + mergedIds },
    ];
  }
}
