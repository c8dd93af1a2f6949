import { outboxMigration, type SubgraphDefinition } from '@c360/shared';
import { createCustomersApp, SUBGRAPH_NAME } from './app';
import { CustomerEntity } from './customer/customer.entity';
import { ExternalIdentityEntity } from './customer/external-identity.entity';
import { seedCustomersDemoData } from './demo/seed-customers';
import { InteractionEntity } from './interaction/interaction.entity';
import { CreateCustomers1732300000000 } from './migrations/1732300000000-create-customers';
import { CreateErasureTombstones1732300021000 } from './migrations/1732300021000-create-erasure-tombstones';
import { CreateSegments1732300022000 } from './migrations/1732300022000-create-segments';
import { CreatePrivacyBudget1732300101000 } from './migrations/1732300101000-create-privacy-budget';
import { UnlinkableErasedCustomers1732300061000 } from './migrations/1732300061000-erased-customers';
import { UniqueNormalisedEmail1732300062000 } from './migrations/1732300062000-unique-normalised-email';
import { AddSegmentPurpose1732300052000 } from './migrations/1732300052000-add-segment-purpose';
import { CreateImportJobs1732300111000 } from './migrations/1732300111000-create-import-jobs';
import { InteractionExternalIds1732300111100 } from './migrations/1732300111100-interaction-external-ids';
import { ExternalIdentityImporter1732300111200 } from './migrations/1732300111200-external-identity-importer';
import { CreateCustomerMerges1732300141000 } from './migrations/1732300141000-create-customer-merges';
import { CreateSegmentSizeHistory1732300160000 } from './migrations/1732300160000-create-segment-size-history';
import { customersPersonalData } from './privacy';
import { analyticsEnvSettings } from '@c360/shared';
import { SegmentEntity } from './segment/segment.entity';
import { SegmentVersionEntity } from './segment/segment-version.entity';
import { segmentEnvSettings } from './segment/segment.settings';
import { phoneEnvSettings } from './customer/phone-number';

export const customersSubgraph: SubgraphDefinition = {
  name: SUBGRAPH_NAME,
  envPrefix: 'CUSTOMERS',
  defaultPort: 4001,
  settings: { ...analyticsEnvSettings, ...segmentEnvSettings, ...phoneEnvSettings },
  storage: {
    schema: 'customers',
    entities: [CustomerEntity, ExternalIdentityEntity, InteractionEntity, SegmentEntity, SegmentVersionEntity],
    migrations: [CreateCustomers1732300000000, CreateErasureTombstones1732300021000, CreateSegments1732300022000, AddSegmentPurpose1732300052000, UnlinkableErasedCustomers1732300061000, UniqueNormalisedEmail1732300062000, CreatePrivacyBudget1732300101000, CreateImportJobs1732300111000, InteractionExternalIds1732300111100, ExternalIdentityImporter1732300111200, CreateCustomerMerges1732300141000, CreateSegmentSizeHistory1732300160000, outboxMigration('customers')],
  },
  createApp: createCustomersApp,
  personalData: customersPersonalData,
  seedDemoData: seedCustomersDemoData,
};
