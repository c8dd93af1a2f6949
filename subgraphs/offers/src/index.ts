import { outboxMigration, repairRetiredIdsMigration, retiredIdsMigration, type SubgraphDefinition } from '@c360/shared';
import { offersPersonalData } from './privacy';
import { createOffersApp, SUBGRAPH_NAME } from './app';
import { CampaignEntity } from './campaign/campaign.entity';
import { seedOffersDemoData } from './demo/seed-offers';
import { CreateOffers1732300002000 } from './migrations/1732300002000-create-offers';
import { CreateOfferResponses1732300012000 } from './migrations/1732300012000-create-offer-responses';
import { CreateErasedCustomers1732300032000 } from './migrations/1732300032000-create-erased-customers';
import { AddOfferTargeting1732300031000 } from './migrations/1732300031000-add-offer-targeting';
import { CreatePrivacyBudget1732300103000 } from './migrations/1732300103000-create-privacy-budget';
import { CreateImportJobs1732300113000 } from './migrations/1732300113000-create-import-jobs';
import { AddResponseImportKeys1732300113100 } from './migrations/1732300113100-add-response-import-keys';
import { CreateContactPolicy1732300121000 } from './migrations/1732300121000-create-contact-policy';
import { AddResponseOptionKey1732300142000 } from './migrations/1732300142000-add-response-option-key';
import { analyticsEnvSettings } from '@c360/shared';
import { UnlinkableErasure1732300061000 } from './migrations/1732300061000-unlinkable-erasure';
import { CreateMergeMoves1732300141000 } from './migrations/1732300141000-create-merge-moves';
import { OfferProductEntity } from './offer/offer-product.entity';
import { OfferEntity } from './offer/offer.entity';
import { OfferResponseEntity } from './response/offer-response.entity';

export const offersSubgraph: SubgraphDefinition = {
  name: SUBGRAPH_NAME,
  envPrefix: 'OFFERS',
  defaultPort: 4003,
  settings: { ...analyticsEnvSettings },
  storage: {
    schema: 'offers',
    entities: [CampaignEntity, OfferEntity, OfferProductEntity, OfferResponseEntity],
    migrations: [CreateOffers1732300002000, CreateOfferResponses1732300012000, AddOfferTargeting1732300031000, CreateErasedCustomers1732300032000, UnlinkableErasure1732300061000, CreatePrivacyBudget1732300103000, CreateImportJobs1732300113000, AddResponseImportKeys1732300113100, CreateContactPolicy1732300121000, CreateMergeMoves1732300141000, AddResponseOptionKey1732300142000, outboxMigration('offers'), retiredIdsMigration('offers'), repairRetiredIdsMigration('offers')],
  },
  createApp: createOffersApp,
  personalData: offersPersonalData,
  seedDemoData: seedOffersDemoData,
};
