import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '@c360/shared';
import type { ConsentContext } from '../context';
import { assertConsentAdmin } from './consent-admin';
import { LedgerService } from './ledger.service';
import { ConsentLedgerAuditType, LedgerVerificationType } from './ledger.type';

@Resolver()
export class LedgerResolver {
  constructor(private readonly service: LedgerService) {}

  @Query(() => LedgerVerificationType, { nullable: true, description: "Re-computes the customer's consent hash chain and reports the first broken link" })
  verifyConsentLedger(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: ConsentContext): Promise<LedgerVerificationType> {
    return this.service.verifyCustomer(customerId, ctx.caller);
  }

  @Query(() => ConsentLedgerAuditType, { nullable: true, description: 'Admin (privacy:admin): verifies every customer chain and lists the broken ones' })
  verifyAllConsentLedgers(@Arg('limit', () => Int, { defaultValue: 100 }) limit: number, @Ctx() ctx: ConsentContext): Promise<ConsentLedgerAuditType> {
    assertConsentAdmin(ctx.caller, 'verifyAllConsentLedgers');
    if (limit < 1 || limit > 1000) throw badInput('limit must be between 1 and 1000', { argument: 'limit' });
    return this.service.verifyAll(limit);
  }
}
