import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { assertAnyScope, badInput } from '@c360/shared';
import { CONSENT_RECORD_SCOPES } from './consent-admin';
import type { ConsentContext } from '../context';
import { assertConsentAdmin } from './consent-admin';
import { LedgerService } from './ledger.service';
import { ConsentLedgerAuditType, LedgerVerificationType } from './ledger.type';

@Resolver()
export class LedgerResolver {
  constructor(private readonly service: LedgerService) {}

  @Query(() => LedgerVerificationType, { nullable: true, description: "Re-computes the customer's consent hash chain and reports the first broken link (consent:read or privacy:admin; NOT_FOUND for a customer the caller may not see, exactly as for an unknown one)" })
  verifyConsentLedger(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: ConsentContext): Promise<LedgerVerificationType> {
    assertAnyScope(ctx.caller, CONSENT_RECORD_SCOPES, 'verifyConsentLedger');
    return this.service.verifyCustomer(customerId, ctx);
  }

  @Query(() => ConsentLedgerAuditType, { nullable: true, description: 'Admin (privacy:admin): verifies every customer chain and lists the broken ones' })
  verifyAllConsentLedgers(@Arg('limit', () => Int, { defaultValue: 100 }) limit: number, @Ctx() ctx: ConsentContext): Promise<ConsentLedgerAuditType> {
    assertConsentAdmin(ctx.caller, 'verifyAllConsentLedgers');
    if (limit < 1 || limit > 1000) throw badInput('limit must be between 1 and 1000', { argument: 'limit' });
    return this.service.verifyAll(limit);
  }
}
