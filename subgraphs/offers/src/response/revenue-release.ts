import { DomainError, ErrorCode, hasScope, isUuid, PersonalDataCategory, PII_SCOPE } from '@c360/shared';
import type { OffersContext } from '../context';
import type { RecordOfferResponseInput } from './response.input';
import { MAX_RESPONSES_PER_CALL } from './response.service';

/**
 * "Revenue cannot exceed the order's total" reads Order.total (FINANCIAL): a caller that may not
 * read that total may not have it compared either, or bisecting revenue would recover it. Such a
 * caller records the redemption without revenue; the refusal depends on the decision, never the total.
 */
export async function assertMayCheckRevenue(inputs: readonly RecordOfferResponseInput[], ctx: OffersContext): Promise<void> {
  if (inputs.length > MAX_RESPONSES_PER_CALL) return; // refused as too many by the service, before any check
  const withRevenue = inputs.filter((i) => i.orderId && i.revenue !== null && i.revenue !== undefined);
  // Malformed ids are the service's BAD_USER_INPUT; only well-formed ones are decided.
  const checked = [...new Set(withRevenue.map((i) => i.customerId.toLowerCase()).filter((id) => isUuid(id)))];
  if (checked.length === 0) return;
  const refused = () => new DomainError(ErrorCode.FORBIDDEN, "revenue is checked against the order's total, which this caller may not read; record the redemption without revenue", { field: 'revenue', reason: 'ORDER_TOTAL_NOT_RELEASED' });
  if (!hasScope(ctx.caller, PII_SCOPE)) throw refused();
  const decisions = await Promise.all(checked.map((customerId) => ctx.consent.decide(customerId, PersonalDataCategory.FINANCIAL)));
  if (decisions.some((d) => !d.allowed)) throw refused();
}

/** Whose recorded responses the caller may read in full (type, channel, order: BEHAVIOURAL; revenue: FINANCIAL). */
export function readableResponses(ctx: OffersContext) {
  return async (customerIds: readonly string[]): Promise<ReadonlySet<string>> => {
    if (!hasScope(ctx.caller, PII_SCOPE)) return new Set();
    const readable = await Promise.all(
      customerIds.map(async (id) => {
        const [behavioural, financial] = await Promise.all([ctx.consent.decide(id, PersonalDataCategory.BEHAVIOURAL), ctx.consent.decide(id, PersonalDataCategory.FINANCIAL)]);
        return behavioural.allowed && financial.allowed ? [id] : [];
      }),
    );
    return new Set(readable.flat());
  };
}
