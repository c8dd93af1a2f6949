import type { SubgraphDefinition } from '@c360/shared';
import { offersPersonalData } from './privacy';
import { createOffersApp, SUBGRAPH_NAME } from './app';
import { CampaignEntity } from './campaign/campaign.entity';
import { seedOffersDemoData } from './demo/seed-offers';
import { CreateOffers1732300002000 } from './migrations/1732300002000-create-offers';
import { OfferProductEntity } from './offer/offer-product.entity';
import { OfferEntity } from './offer/offer.entity';

export const offersSubgraph: SubgraphDefinition = {
  name: SUBGRAPH_NAME,
  envPrefix: 'OFFERS',
  defaultPort: 4003,
  storage: {
    schema: 'offers',
    entities: [CampaignEntity, OfferEntity, OfferProductEntity],
    migrations: [CreateOffers1732300002000],
  },
  createApp: createOffersApp,
  personalData: offersPersonalData,
  seedDemoData: seedOffersDemoData,
};
