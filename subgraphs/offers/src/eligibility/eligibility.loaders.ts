import type { CampaignLoaders } from '../campaign/campaign.loaders';
import { once } from '../common/memo';
import type { OfferLoaders } from '../offer/offer.loaders';
import { toOfferType } from '../offer/offer.mapper';
import type { OfferRepository } from '../offer/offer.repository';
import type { OfferType } from '../offer/offer.type';
import type { HoldoutSettings } from '../performance/holdout';

export interface LiveOfferView {
  offer: OfferType;
  holdout: HoldoutSettings;
}

/**
 * "Offers live now" with their campaign's holdout, read once per request and shared by every
 * customer in it, so a list of N customers costs one statement. Primes offerById and campaignById.
 */
export function createEligibilityLoaders(offers: OfferRepository, offerLoaders: OfferLoaders, campaignLoaders: CampaignLoaders, now: () => Date = () => new Date()) {
  return {
    liveOffers: once(async (): Promise<LiveOfferView[]> => {
      const rows = await offers.findLive(now());
      return rows.map(({ campaign, ...offer }) => {
        offerLoaders.offerById.prime(offer.id, offer);
        campaignLoaders.campaignById.prime(campaign.id, campaign);
        return { offer: toOfferType(offer), holdout: { campaignId: campaign.id, holdoutPercent: campaign.holdoutPercent, holdoutSeed: campaign.holdoutSeed } };
      });
    }),
  };
}

export type EligibilityLoaders = ReturnType<typeof createEligibilityLoaders>;
