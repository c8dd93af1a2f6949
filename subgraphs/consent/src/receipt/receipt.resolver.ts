import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { assertAnyScope } from '@c360/shared';
import { CONSENT_RECORD_SCOPES } from '../ledger/consent-admin';
import { ConsentEventType } from '../consent/consent.type';
import type { ConsentContext } from '../context';
import { buildConsentReceipt, type ReceiptEvent } from './consent-receipt';

/** Receipts are derived on read; purpose and partner come through the per-request loaders. */
async function receiptOf(event: ReceiptEvent, ctx: ConsentContext): Promise<Record<string, unknown>> {
  const [purpose, partner] = await Promise.all([ctx.loaders.purposeByCode.load(event.purposeCode), event.partnerId ? ctx.loaders.partnerById.load(event.partnerId) : null]);
  if (!purpose) throw new Error(`ledger references missing purpose ${event.purposeCode}`); // the foreign key makes this unreachable
  return buildConsentReceipt(event, purpose, partner ?? (event.partnerId ? { id: event.partnerId, name: event.partnerId } : null));
}

@Resolver(() => ConsentEventType)
export class ReceiptResolver {
  @FieldResolver(() => GraphQLJSONObject, { description: 'The consent receipt for this event (Kantara Consent Receipt v1.1 / ISO/IEC TS 27560 fields)' })
  receipt(@Root() event: ConsentEventType, @Ctx() ctx: ConsentContext): Promise<Record<string, unknown>> {
    return receiptOf(event, ctx);
  }

  @Query(() => GraphQLJSONObject, { nullable: true, description: 'The consent receipt of one ledger event (consent:read or privacy:admin); null when there is none, or when it is of a customer the caller may not see' })
  async consentReceipt(@Arg('eventId', () => ID) eventId: string, @Ctx() ctx: ConsentContext): Promise<Record<string, unknown> | null> {
    assertAnyScope(ctx.caller, CONSENT_RECORD_SCOPES, 'consentReceipt');
    const event = await ctx.loaders.consentEventById.load(eventId.toLowerCase());
    // A hidden customer's receipt answers exactly like a missing one.
    if (!event || !(await ctx.audience.canSee(event.customerId))) return null;
    return receiptOf(event, ctx);
  }
}
