import { TIME_ID_CURSOR, createChildPageLoader, type RequestAudience } from '@c360/shared';
import type { OfferResponseEntity } from './offer-response.entity';
import { toOfferResponseNode } from './response.mapper';
import type { ResponseRepository } from './response.repository';
import type { OfferResponseNode } from './response.type';

const pageOptions = {
  cursorKeyOf: (row: OfferResponseEntity) => [row.occurredAt.toISOString(), row.id],
  cursorShape: TIME_ID_CURSOR,
  toNode: toOfferResponseNode,
};

/**
 * Per-request loaders: a page of responses per offer or per customer, one statement per batch.
 * An offer's responses span customers, so the caller's audience goes into that statement's WHERE:
 * pages stay full and totals count only customers the caller may see.
 */
export function createResponseLoaders(responses: ResponseRepository, audience: RequestAudience) {
  return {
    responsesByOffer: createChildPageLoader<OfferResponseEntity, OfferResponseNode>({
      ...pageOptions,
      cursorList: 'Offer.responses',
      fetch: async (offerIds, size, after) => responses.pagesByOffer(offerIds, size, after, await audience.restriction()),
      parentOf: (row) => row.offerId,
    }),
    responsesByCustomer: createChildPageLoader<OfferResponseEntity, OfferResponseNode>({
      ...pageOptions,
      cursorList: 'Customer.offerResponses',
      fetch: (customerIds, size, after) => responses.pagesByCustomer(customerIds, size, after),
      parentOf: (row) => row.customerId,
    }),
  };
}

export type ResponseLoaders = ReturnType<typeof createResponseLoaders>;
