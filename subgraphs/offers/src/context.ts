import type { SubgraphContext } from '@c360/shared';
import type { CampaignLoaders } from './campaign/campaign.loaders';
import type { EligibilityLoaders } from './eligibility/eligibility.loaders';
import type { OfferLoaders } from './offer/offer.loaders';

export type OffersLoaders = CampaignLoaders & OfferLoaders & EligibilityLoaders;
export type OffersContext = SubgraphContext<OffersLoaders>;
