import type { SubgraphContext } from '@c360/shared';
import type { CampaignLoaders } from './campaign/campaign.loaders';
import type { EligibilityLoaders } from './eligibility/eligibility.loaders';
import type { OfferLoaders } from './offer/offer.loaders';
import type { PerformanceLoaders } from './performance/performance.loaders';
import type { ResponseLoaders } from './response/response.loaders';

export type OffersLoaders = CampaignLoaders & OfferLoaders & EligibilityLoaders & ResponseLoaders & PerformanceLoaders;
export type OffersContext = SubgraphContext<OffersLoaders>;
