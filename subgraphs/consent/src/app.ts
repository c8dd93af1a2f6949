import type { DataSource } from 'typeorm';
import { createDeadLetterResolver } from '@c360/shared';
import { knownCustomersFor, withStandingCache, buildFederatedSchema, createSubgraphServer, ResolverContainer, type SubgraphAppOptions } from '@c360/shared';
import { ConsentEventRefsResolver, ConsentStateRefsResolver } from './consent/consent-refs.resolver';
import { createConsentLoaders } from './consent/consent.loaders';
import { ConsentRepository } from './consent/consent.repository';
import { ConsentResolver } from './consent/consent.resolver';
import { ConsentService } from './consent/consent.service';
import { CustomerConsentResolver } from './consent/customer-consent.resolver';
import { CustomerRef } from './consent/customer.ref';
import type { ConsentContext, ConsentSubgraphLoaders } from './context';
import { DecisionRepository } from './decision/decision.repository';
import { DecisionResolver } from './decision/decision.resolver';
import { ConsentDecisionService } from './decision/decision.service';
import { createDisclosureLoaders, CustomerDisclosuresResolver, DisclosurePartnerResolver } from './disclosure/disclosure.resolver';
import { DisclosureRepository } from './disclosure/disclosure.repository';
import { DisclosureLedger } from './disclosure/disclosure.service';
import { consentPersonalData } from './privacy';
import { createLedgerLoaders } from './ledger/ledger.loaders';
import { LedgerRepository } from './ledger/ledger.repository';
import { LedgerResolver } from './ledger/ledger.resolver';
import { LedgerService } from './ledger/ledger.service';
import { createPartnerLoaders } from './partner/partner.loaders';
import { toPartnerType } from './partner/partner.mapper';
import { PartnerRepository } from './partner/partner.repository';
import { PartnerResolver } from './partner/partner.resolver';
import { PartnerService } from './partner/partner.service';
import { ConsentNoticeResolver } from './purpose/consent-notice.resolver';
import { createPurposeLoaders } from './purpose/purpose.loaders';
import { PurposeRepository } from './purpose/purpose.repository';
import { PurposeResolver } from './purpose/purpose.resolver';
import { PurposeService } from './purpose/purpose.service';
import { ReceiptResolver } from './receipt/receipt.resolver';
import { createSubjectRequests } from './subject-request';
import { createSegmentConditionResolver } from './segment-conditions';
import { createWebhooks } from './webhooks';
import { readWebhookSettings } from './webhooks/webhook.settings';

export const SUBGRAPH_NAME = 'consent';

/** Wires repositories, services and resolvers for one data source. Never listens. */
export async function createConsentApp(dataSource: DataSource, options: SubgraphAppOptions) {
  const purposes = new PurposeRepository(dataSource);
  const partners = new PartnerRepository(dataSource);
  const chains = new LedgerRepository(dataSource);
  const ledger = new ConsentRepository(dataSource, chains);
  const decisions = new ConsentDecisionService(new DecisionRepository(dataSource));
  const disclosureRepository = new DisclosureRepository(dataSource);
  const disclosures = new DisclosureLedger(disclosureRepository);
  const subjectRequests = createSubjectRequests(SUBGRAPH_NAME, dataSource, { peers: options.peers });
  // Partner webhooks are judged by live decisions (no standing cache: a withdrawal counts at once).
  const webhooks = createWebhooks(dataSource, { decisions, disclosures: disclosureRepository, ledger: disclosures, settings: readWebhookSettings(options.production) });
  const resolvers = new ResolverContainer([
    createDeadLetterResolver(SUBGRAPH_NAME, dataSource),
    new PurposeResolver(new PurposeService(purposes)),
    new PartnerResolver(new PartnerService(partners)),
    new ConsentResolver(new ConsentService(ledger, purposes, partners, knownCustomersFor(options))),
    new CustomerConsentResolver(),
    new ConsentStateRefsResolver(),
    new ConsentEventRefsResolver(),
    new DecisionResolver(decisions),
    new CustomerDisclosuresResolver(disclosures),
    new DisclosurePartnerResolver(),
    new ConsentNoticeResolver(),
    new LedgerResolver(new LedgerService(chains)),
    new ReceiptResolver(),
    ...subjectRequests.resolvers,
    createSegmentConditionResolver(dataSource),
    ...webhooks.resolvers,
  ]);
  const schema = await buildFederatedSchema<ConsentContext>({
    resolvers,
    personalDataOwners: consentPersonalData.owners,
    ownedThroughParent: consentPersonalData.ownedThroughParent,
    orphanedTypes: [CustomerRef],
    referenceResolvers: {
      Partner: {
        async __resolveReference(reference, ctx) {
          const entity = await ctx.loaders.partnerById.load(String(reference.id));
          return entity && toPartnerType(entity);
        },
      },
    },
  });
  const server = await createSubgraphServer<ConsentSubgraphLoaders>({
    name: SUBGRAPH_NAME,
    schema,
    callerSigningKey: options.callerSigningKey,
    production: options.production,
    // This subgraph owns decisions and the disclosure ledger: it asks itself, not over HTTP.
    consentDecider: withStandingCache(decisions),
    disclosureRecorder: disclosures,
    plugins: [subjectRequests.plugin, webhooks.plugin],
    createLoaders: () => ({ ...createPurposeLoaders(purposes), ...createPartnerLoaders(partners), ...createConsentLoaders(ledger), ...createDisclosureLoaders(disclosureRepository), ...createLedgerLoaders(chains) }),
  });
  return { ...server, eventSinks: [webhooks.eventSink], workers: { webhookDeliveries: webhooks.worker } };
}
