import { CallerKind, isUuid, type Caller } from '@c360/shared';
import type { EligibilityLoaders } from '../eligibility/eligibility.loaders';
import type { EligibilityService } from '../eligibility/eligibility.service';
import type { CallerDecision } from '../eligibility/released-facts';
import type { OfferResponseEntity } from './offer-response.entity';
import { OfferResponseType } from './response.enums';
import type { ResponseService } from './response.service';
import { ownEventKey, OWN_KEY_PREFIX } from './own-event-key';
import type { RecordMyOfferResponseInput } from './self-response.input';
import { eventIdTaken, notOwnCustomer, offerNotAvailable, onlyCustomersRespondForThemselves, redemptionNotSelfService, reservedEventId } from './self-response.errors';

/**
 * The customer's own side of the offer loop: a reaction is recorded only by the customer it is
 * about, only to an offer the engine finds eligible for them now (caps that count showings aside),
 * and then like any other response (idempotent eventId, option key checked, erasure respected).
 */
export class SelfResponseService {
  constructor(
    private readonly eligibility: EligibilityService,
    private readonly responses: ResponseService,
  ) {}

  async record(caller: Caller, input: RecordMyOfferResponseInput, loaders: EligibilityLoaders, decide: CallerDecision, now = new Date()): Promise<OfferResponseEntity> {
    if (caller.kind !== CallerKind.CUSTOMER || !caller.customerId) throw onlyCustomersRespondForThemselves();
    const self = caller.customerId.toLowerCase();
    if (!isUuid(input.customerId) || input.customerId.toLowerCase() !== self) throw notOwnCustomer();
    if (input.type === OfferResponseType.REDEEMED) throw redemptionNotSelfService();
    if (input.eventId.startsWith(OWN_KEY_PREFIX)) throw reservedEventId();
    const offerId = isUuid(input.offerId) ? input.offerId.toLowerCase() : null;
    if (offerId === null || !(await this.eligibility.respondableFor(self, offerId, loaders, decide))) throw offerNotAvailable();
    const record = async (eventId: string) =>
      (
        await this.responses.record(
          [{ eventId, offerId, customerId: self, type: input.type, channel: input.channel, optionKey: input.optionKey ?? null, occurredAt: null, orderId: null, revenue: null }],
          now,
          // The customer may compare a replay with its own recorded responses only.
          async (ids) => new Set(ids.filter((id) => id === self)),
          'refuse',
        )
      )[0];
    // A replayed eventId answers what was recorded under it. When another customer's response holds
    // the key (nothing was written), the reaction goes under the customer's own name for the key:
    // the answer is the one a free key gets, so it tells nothing about other customers' keys.
    let response = await record(input.eventId);
    if (response.customerId !== self) response = await record(ownEventKey(self, input.eventId));
    if (response.customerId !== self) throw eventIdTaken();
    return response;
  }
}
