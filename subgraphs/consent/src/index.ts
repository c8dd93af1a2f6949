import { outboxMigration, type SubgraphDefinition } from '@c360/shared';
import { consentPersonalData } from './privacy';
import { createConsentApp, SUBGRAPH_NAME } from './app';
import { ConsentEventEntity } from './consent/consent-event.entity';
import { seedConsentDemoData } from './demo/seed-consent';
import { CreateConsent1732300003000 } from './migrations/1732300003000-create-consent';
import { ChainConsentLedger1732300013000 } from './migrations/1732300013000-chain-consent-ledger';
import { CreateDisclosureLedger1732300014000 } from './migrations/1732300014000-create-disclosure-ledger';
import { CreateSubjectRequests1732300023000 } from './migrations/1732300023000-create-subject-requests';
import { PurposeCatalogue1732300024000 } from './migrations/1732300024000-purpose-catalogue';
import { ConsentErasedCustomers1732300061000 } from './migrations/1732300061000-erased-customers';
import { ConsentMergeAliasEvents1732300170000 } from './migrations/1732300170000-consent-merge-alias-events';
import { ConsentMerges1732300141000 } from './migrations/1732300141000-consent-merges';
import { WebhookSubscriptions1732300151000 } from './migrations/1732300151000-webhook-subscriptions';
import { WebhookDeliveries1732300181000 } from './migrations/1732300181000-webhook-deliveries';
import { webhookEnvSettings } from './webhooks/webhook.settings';
import { PartnerEntity } from './partner/partner.entity';
import { NoticeEntity } from './purpose/notice.entity';
import { PurposeEntity } from './purpose/purpose.entity';
import { subjectRequestEnvSettings } from './subject-request/subject-request.settings';

export const consentSubgraph: SubgraphDefinition = {
  name: SUBGRAPH_NAME,
  envPrefix: 'CONSENT',
  defaultPort: 4004,
  settings: { ...subjectRequestEnvSettings, ...webhookEnvSettings },
  storage: {
    schema: 'consent',
    entities: [PurposeEntity, NoticeEntity, PartnerEntity, ConsentEventEntity],
    migrations: [CreateConsent1732300003000, ChainConsentLedger1732300013000, CreateDisclosureLedger1732300014000, CreateSubjectRequests1732300023000, PurposeCatalogue1732300024000, ConsentErasedCustomers1732300061000, ConsentMerges1732300141000, WebhookSubscriptions1732300151000, ConsentMergeAliasEvents1732300170000, WebhookDeliveries1732300181000, outboxMigration('consent')],
  },
  createApp: createConsentApp,
  personalData: consentPersonalData,
  seedDemoData: seedConsentDemoData,
};
