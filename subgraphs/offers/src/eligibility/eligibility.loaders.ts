import { once } from '../common/memo';
import type { OfferLoaders } from '../offer/offer.loaders';
import { toOfferType } from '../offer/offer.mapper';
import type { OfferRepository } from '../offer/offer.repository';
import type { OfferType } from '../offer/offer.type';

/**
 * "Offers live now", read once per request and shared by every customer in it, so a list of
 * N customers costs one statement. Also primes offerById for the offers it read.
 */
export function createEligibilityLoaders(offers: OfferRepository, offerLoaders: OfferLoaders, now: () => Date = () => new Date()) {
  return {
    liveOffers: once(async (): Promise<OfferType[]> => {
      const rows = await offers.findLive(now());
      for (const row of rows) offerLoaders.offerById.prime(row.id, row);
      return rows.map(toOfferType);
    }),
  };
}

export type EligibilityLoaders = ReturnType<typeof createEligibilityLoaders>;
