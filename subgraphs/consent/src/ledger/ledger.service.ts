import { assertUuid, CallerKind, DomainError, ErrorCode, type Caller } from '@c360/shared';
import { verifyChain } from './ledger-verifier';
import type { LedgerRepository, LedgerRow } from './ledger.repository';
import type { ConsentLedgerAuditType, LedgerVerificationType } from './ledger.type';

const AUDIT_CHUNK = 5000;

/** Re-computes hash chains from what the database holds now. */
export class LedgerService {
  constructor(private readonly ledger: LedgerRepository) {}

  async verifyCustomer(customerIdInput: string, caller: Caller): Promise<LedgerVerificationType> {
    const customerId = assertUuid(customerIdInput, 'customerId');
    if (caller.kind === CallerKind.CUSTOMER && caller.customerId?.toLowerCase() !== customerId) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'A customer may only verify their own consent ledger', { field: 'customerId' });
    }
    return { customerId, ...verifyChain(await this.ledger.chainOf(customerId)) };
  }

  /** Streams every chain in (customer, seq) order, holding one customer's events at a time. */
  async verifyAll(limit: number): Promise<ConsentLedgerAuditType> {
    const audit: ConsentLedgerAuditType = { customersChecked: 0, eventsChecked: 0, brokenCount: 0, broken: [] };
    const finish = (customerId: string, events: LedgerRow[]) => {
      const verdict = verifyChain(events);
      audit.customersChecked += 1;
      audit.eventsChecked += verdict.eventsChecked;
      if (verdict.valid) return;
      audit.brokenCount += 1;
      if (audit.broken.length < limit) audit.broken.push({ customerId, ...verdict });
    };
    let customerId: string | null = null;
    let events: LedgerRow[] = [];
    for (let after: LedgerRow | null = null; ; ) {
      const rows = await this.ledger.chainsAfter(after, AUDIT_CHUNK);
      for (const row of rows) {
        if (row.customerId !== customerId) {
          if (customerId) finish(customerId, events);
          customerId = row.customerId;
          events = [];
        }
        events.push(row);
      }
      if (rows.length < AUDIT_CHUNK) break;
      after = rows[rows.length - 1];
    }
    if (customerId) finish(customerId, events);
    return audit;
  }
}
