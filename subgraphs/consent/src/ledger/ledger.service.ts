import { answersNotFound, assertUuid, DomainError, ErrorCode, type SubgraphContext } from '@c360/shared';
import { verifyChain } from './ledger-verifier';
import type { LedgerRepository, LedgerRow } from './ledger.repository';
import type { ConsentLedgerAuditType, LedgerVerificationType } from './ledger.type';

const AUDIT_CHUNK = 5000;

/** Re-computes hash chains from what the database holds now. */
export class LedgerService {
  constructor(private readonly ledger: LedgerRepository) {}

  /**
   * A customer outside the caller's audience answers exactly like one without a ledger: for
   * restricted callers both are NOT_FOUND, so eventsChecked and headHash tell nothing about existence.
   */
  async verifyCustomer(customerIdInput: string, ctx: SubgraphContext): Promise<LedgerVerificationType> {
    const customerId = assertUuid(customerIdInput, 'customerId');
    const chain = (await ctx.audience.canSee(customerId)) ? await this.ledger.chainOf(customerId) : [];
    if (chain.length === 0 && answersNotFound(ctx)) throw new DomainError(ErrorCode.NOT_FOUND, 'No consent ledger was found for this customer');
    return { customerId, ...verifyChain(chain) };
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
