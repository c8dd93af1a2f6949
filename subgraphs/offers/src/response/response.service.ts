import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { everyCustomerKnown, isUniqueViolation, noAliasWrites, retryDeadlocked, type AliasWrite, type AliasWriteLog, type KnownCustomers } from '@c360/shared';
import { OfferStatus, PersonalisationType } from '../offer/offer.enums';
import { optionKeyOf } from '../eligibility/personalisation';
import { offerNotFound } from '../offer/offer.errors';
import type { OfferRepository } from '../offer/offer.repository';
import { OfferResponseEntity } from './offer-response.entity';
import { anyRedemptionOrder, type RedemptionOrders } from './redemption-orders';
import { eventIdConflict, optionOnlyForAdaptive, responseToDraftOffer, tooManyResponses, unknownOption } from './response.errors';
import type { RecordOfferResponseInput } from './response.input';
import type { ResponseRepository } from './response.repository';
import { describesResponse, toResponseRequest, type ResponseRequest } from './response.request';
import { recordEvents, type NewEvent } from '@c360/shared';
import { OfferResponseType } from './response.enums';

export const MAX_RESPONSES_PER_CALL = 500;

/** Refuses responses for customers whose data was erased (the subject-data tombstones). */
export interface ErasedCustomersGuard {
  /** Early refusal, before any work (a replay of an erased customer's response is refused too). */
  refuseErased(customerIds: readonly string[]): Promise<void>;
  /** The deciding refusal, first in the writing transaction, under the customers' locks. */
  refuseErasedWithin(manager: EntityManager, customerIds: readonly string[]): Promise<void>;
}

/** The customers (of those given) whose recorded responses the caller may read in full; others are never compared. */
export type ReadableResponses = (customerIds: readonly string[]) => Promise<ReadonlySet<string>>;
const everyResponseReadable: ReadableResponses = async (customerIds) => new Set(customerIds);

const noErasures: ErasedCustomersGuard = { refuseErased: async () => undefined, refuseErasedWithin: async () => undefined };

/** Response ingest: idempotent per eventId, all or nothing per call. */
export class ResponseService {
  constructor(
    private readonly responses: ResponseRepository,
    private readonly offers: OfferRepository,
    private readonly erased: ErasedCustomersGuard = noErasures,
    /** Responses only for customers the customers subgraph knows and has not erased. */
    private readonly known: KnownCustomers = everyCustomerKnown,
    private readonly redemptions: RedemptionOrders = anyRedemptionOrder,
    /** Where a response recorded through a retired (merged) id is noted, so an unmerge gives it back. */
    private readonly aliasWrites: AliasWriteLog = noAliasWrites,
  ) {}

  /**
   * Returns one response per input, in input order; replays return what was recorded. With
   * `aliases: 'follow'` (feeds of callers who see every customer) a retired id lands on its survivor;
   * 'refuse' answers it NOT_FOUND like an unknown id (self-service: no alias oracle).
   */
  async record(inputs: readonly RecordOfferResponseInput[], now = new Date(), readable: ReadableResponses = everyResponseReadable, aliases: 'follow' | 'refuse' = 'follow'): Promise<OfferResponseEntity[]> {
    if (inputs.length > MAX_RESPONSES_PER_CALL) throw tooManyResponses(MAX_RESPONSES_PER_CALL);
    if (inputs.length === 0) return [];
    const named = inputs.map((input) => toResponseRequest(input, now));
    await this.assertRespondable([...new Set(named.map((r) => r.offerId))]);
    await this.assertOptions(named);
    await this.erased.refuseErased(named.map((r) => r.customerId));
    const ids = named.map((r) => r.customerId);
    const targets = aliases === 'follow' ? await this.known.resolveWritable(ids) : await this.known.assertWritable(ids).then(() => new Map());
    const requests = named.map((r) => ({ ...r, customerId: targets.get(r.customerId)?.customerId ?? r.customerId }));
    await this.redemptions.assertRedeemable(requests);
    const comparable = await this.comparableReplays(requests, readable);
    const follow = aliases === 'follow';
    try {
      return await retryDeadlocked(() => this.write(named, follow, now, comparable));
    } catch (error) {
      // A concurrent call recorded one of our eventIds first: the second pass treats it as a replay.
      if (!isUniqueViolation(error)) throw error;
      return retryDeadlocked(() => this.write(named, follow, now, comparable));
    }
  }

  /** Unknown offers are NOT_FOUND; a DRAFT has reached no one (and never becomes DRAFT again, so no lock). */
  private async assertRespondable(offerIds: string[]): Promise<void> {
    const found = new Map((await this.offers.findByIds(offerIds)).map((o) => [o.id, o]));
    for (const id of offerIds) {
      const offer = found.get(id);
      if (!offer) throw offerNotFound(id);
      if (offer.status === OfferStatus.DRAFT) throw responseToDraftOffer();
    }
  }

  /** An option key names one of an ADAPTIVE offer's products (any of them: stock may change between the choice and now). */
  private async assertOptions(requests: ResponseRequest[]): Promise<void> {
    const choosing = requests.filter((r) => r.optionKey !== null);
    if (choosing.length === 0) return;
    const offerIds = [...new Set(choosing.map((r) => r.offerId))];
    const [offers, products] = await Promise.all([this.offers.findByIds(offerIds), this.offers.skusOf(offerIds)]);
    const adaptive = new Set(offers.filter((o) => o.personalisationType === PersonalisationType.ADAPTIVE).map((o) => o.id));
    const keys = new Set(products.map((p) => `${p.offerId}|${optionKeyOf(p.sku)}`));
    for (const r of choosing) {
      if (!adaptive.has(r.offerId)) throw optionOnlyForAdaptive();
      if (!keys.has(`${r.offerId}|${r.optionKey}`)) throw unknownOption();
    }
  }

  /**
   * Comparing a replay with what was recorded reads the recorded content, so a differing replay is
   * a CONFLICT only for callers that may read it; others get the recorded response either way.
   * Decided before the writing transaction (no peer call while it holds the customers' locks).
   */
  private async comparableReplays(requests: ResponseRequest[], readable: ReadableResponses): Promise<ReadonlySet<string>> {
    const recorded = new Map((await this.responses.findByEventIds([...new Set(requests.map((r) => r.eventId))])).map((e) => [e.eventId, e]));
    const differing = requests.filter((r) => recorded.has(r.eventId) && !describesResponse(r, recorded.get(r.eventId)!));
    return differing.length ? readable([...new Set(differing.map((r) => recorded.get(r.eventId)!.customerId))]) : new Set<string>();
  }

  /** `named`: the requests with the ids the caller sent; each lands where its id lives here at the write, under its merge locks. */
  private write(named: ResponseRequest[], follow: boolean, now: Date, comparable: ReadonlySet<string>): Promise<OfferResponseEntity[]> {
    return this.responses.transaction(async (manager) => {
      // A merge step that committed since the existence check (or behind another replica's cache) is seen here; one that did not waits and moves these.
      const landed = await this.aliasWrites.landWithin(manager, [...new Set(named.map((r) => r.customerId))], follow);
      const landing = (r: ResponseRequest) => landed.get(r.customerId.toLowerCase()) ?? { customerId: r.customerId, viaMerge: null };
      const requests = named.map((r) => ({ ...r, customerId: landing(r).customerId }));
      const viaAlias = (response: OfferResponseEntity, i: number): AliasWrite | null => {
        const target = landing(named[i]);
        return target.viaMerge ? { mergeId: target.viaMerge, rowId: response.id, aliasId: named[i].customerId, survivorId: target.customerId } : null;
      };
      // Checked again here: an erasure committing after the early check would otherwise leave these responses under the real id.
      await this.erased.refuseErasedWithin(manager, requests.map((r) => r.customerId));
      const eventIds = [...new Set(requests.map((r) => r.eventId))];
      const known = new Map((await this.responses.findByEventIds(eventIds, manager)).map((e) => [e.eventId, e]));
      const fresh: OfferResponseEntity[] = [];
      const aliasWrites: AliasWrite[] = [];
      for (const [i, request] of requests.entries()) {
        const recorded = known.get(request.eventId);
        if (recorded) {
          // Content this call sent itself always conflicts; recorded content only for a caller that may read it.
          const ownContent = fresh.includes(recorded);
          if (!describesResponse(request, recorded) && (ownContent || comparable.has(recorded.customerId))) throw eventIdConflict(recorded.id);
          continue;
        }
        const response = newResponse(request, now);
        known.set(request.eventId, response);
        fresh.push(response);
        const alias = viaAlias(response, i);
        if (alias) aliasWrites.push(alias);
      }
      if (fresh.length) await this.responses.insertMany(manager, fresh);
      await this.aliasWrites.recordAliasWrites(manager, 'offers.offer_response', aliasWrites);
      await recordEvents(manager, fresh.flatMap((r) => eventsOf(r, now)));
      return requests.map((r) => known.get(r.eventId)!);
    });
  }
}

const newResponse = (request: ResponseRequest, now: Date) =>
  Object.assign(new OfferResponseEntity(), {
    id: randomUUID(),
    eventId: request.eventId,
    offerId: request.offerId,
    customerId: request.customerId,
    type: request.type,
    channel: request.channel,
    occurredAt: request.occurredAt ?? now,
    orderId: request.orderId,
    revenue: request.revenue,
    optionKey: request.optionKey,
    recordedAt: now,
  });

/**
 * A recorded response, and for a SHOWN one also offer.picked: the engine's picks are answers to
 * reads (nextBestOffers, eligibleOffers) that record nothing; a pick becomes a fact when a channel shows it.
 */
const eventsOf = (r: OfferResponseEntity, now: Date): NewEvent[] => [
  { type: 'offer.response_recorded', customerId: r.customerId, payload: { responseId: r.id, offerId: r.offerId, type: r.type }, occurredAt: now },
  ...(r.type === OfferResponseType.SHOWN ? [{ type: 'offer.picked' as const, customerId: r.customerId, payload: { responseId: r.id, offerId: r.offerId }, occurredAt: now }] : []),
];
