import type { DataSource } from 'typeorm';
import { createDeadLetterResolver } from '@c360/shared';
import { buildFederatedSchema, createAggregateRelease, createSubgraphServer, knownCustomersFor, ResolverContainer, SubjectDataResolver, type SubgraphAppOptions } from '@c360/shared';
import { anyRedemptionOrder, peerRedemptionOrders } from './response/redemption-orders';
import { createCampaignLoaders } from './campaign/campaign.loaders';
import { CampaignRepository } from './campaign/campaign.repository';
import { CampaignResolver } from './campaign/campaign.resolver';
import { CampaignService } from './campaign/campaign.service';
import type { OffersContext, OffersLoaders } from './context';
import { CustomerRef } from './eligibility/customer-ref.type';
import { createOffersImport } from './import';
import { createEligibilityLoaders } from './eligibility/eligibility.loaders';
import { OfferTargetingResolver } from './offer/offer-targeting.resolver';
import { EligibilityResolver } from './eligibility/eligibility.resolver';
import { EligibilityService } from './eligibility/eligibility.service';
import { OfferEligibilityResolver } from './eligibility/offer-eligibility.resolver';
import { ExposureRepository } from './eligibility/exposure.repository';
import { ContactPolicyRepository } from './contact-policy/contact-policy.repository';
import { ContactPolicyResolver } from './contact-policy/contact-policy.resolver';
import { peerTargetingSources } from './eligibility/targeting-sources';
import { createOfferLoaders } from './offer/offer.loaders';
import { toOfferType } from './offer/offer.mapper';
import { OfferRepository } from './offer/offer.repository';
import { CampaignOffersResolver, OfferResolver } from './offer/offer.resolver';
import { OfferService } from './offer/offer.service';
import { createPerformanceLoaders } from './performance/performance.loaders';
import { PerformanceRepository } from './performance/performance.repository';
import { CampaignPerformanceResolver } from './performance/performance.resolver';
import { OrderRef } from './response/order-ref.type';
import { createResponseLoaders } from './response/response.loaders';
import { ResponseRepository } from './response/response.repository';
import { CustomerResponsesResolver, OfferResponsesResolver, ResponseResolver } from './response/response.resolver';
import { ResponseService } from './response/response.service';
import { SelfResponseResolver } from './response/self-response.resolver';
import { SelfResponseService } from './response/self-response.service';

import { offersPersonalData } from './privacy';
import { ResponseSubjectDataRepository } from './subject-data/subject-data.repository';
import { ResponseSubjectData } from './subject-data/subject-data.service';

export const SUBGRAPH_NAME = 'offers';

/** Wires repositories, services and resolvers for one data source. Never listens. */
export async function createOffersApp(dataSource: DataSource, options: SubgraphAppOptions) {
  const campaigns = new CampaignRepository(dataSource);
  const offers = new OfferRepository(dataSource);
  const responses = new ResponseRepository(dataSource);
  const subjectData = new ResponseSubjectData(new ResponseSubjectDataRepository(dataSource));
  const performance = new PerformanceRepository(dataSource);
  const exposures = new ExposureRepository(dataSource);
  const release = createAggregateRelease(dataSource, SUBGRAPH_NAME, options.aggregateNoise);
  const imports = createOffersImport(dataSource, options.peers);
  const eligibility = new EligibilityService();
  const responseService = new ResponseService(responses, offers, subjectData, knownCustomersFor(options), options.trustFeeds ? anyRedemptionOrder : peerRedemptionOrders(options.peers), subjectData);
  const resolvers = new ResolverContainer([
    createDeadLetterResolver(SUBGRAPH_NAME, dataSource),
    new CampaignResolver(new CampaignService(campaigns)),
    new OfferResolver(new OfferService(offers, campaigns)),
    new CampaignOffersResolver(),
    new OfferTargetingResolver(),
    new EligibilityResolver(eligibility),
    new OfferEligibilityResolver(eligibility, knownCustomersFor(options)),
    new ResponseResolver(responseService),
    new SelfResponseResolver(new SelfResponseService(eligibility, responseService)),
    new OfferResponsesResolver(),
    new CustomerResponsesResolver(),
    new CampaignPerformanceResolver(release.budget),
    new ContactPolicyResolver(new ContactPolicyRepository(dataSource)),
    new SubjectDataResolver(SUBGRAPH_NAME, subjectData),
    ...imports.resolvers,
  ]);
  const schema = await buildFederatedSchema<OffersContext>({
    resolvers,
    personalDataOwners: offersPersonalData.owners,
    ownedThroughParent: offersPersonalData.ownedThroughParent,
    orphanedTypes: [CustomerRef, OrderRef],
    referenceResolvers: {
      Offer: {
        async __resolveReference(reference, ctx) {
          const entity = await ctx.loaders.offerById.load(String(reference.id));
          return entity && toOfferType(entity);
        },
      },
    },
  });
  return createSubgraphServer<OffersLoaders>({
    name: SUBGRAPH_NAME,
    schema,
    callerSigningKey: options.callerSigningKey,
    production: options.production,
    ...options.privacy,
    routes: imports.routes(SUBGRAPH_NAME, options.callerSigningKey),
    createLoaders: ({ caller, consentFor, audience }) => {
      const offerLoaders = createOfferLoaders(offers);
      const campaignLoaders = createCampaignLoaders(campaigns);
      const sources = peerTargetingSources(options.peers, caller);
      return {
        ...campaignLoaders,
        ...offerLoaders,
        ...createEligibilityLoaders({ offers, offerLoaders, campaignLoaders, exposures, sources, consentFor }),
        ...createResponseLoaders(responses, audience),
        ...createPerformanceLoaders(performance, release, caller),
      };
    },
  });
}
