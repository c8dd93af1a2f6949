import type { DataSource } from 'typeorm';
import { createDeadLetterResolver } from '@c360/shared';
import { createAggregateRelease, isUuid, buildFederatedSchema, createSubgraphServer, ResolverContainer, SubjectDataResolver, type SubgraphAppOptions, isVisible, visibleCustomers } from '@c360/shared';
import { createAnalyticsResolver } from './analytics';
import type { CustomersContext, CustomersLoaders } from './context';
import { createCustomerLoaders } from './customer/customer.loaders';
import { toCustomerType } from './customer/customer.mapper';
import { resolveRetiredId } from './customer/customer.lookup';
import { CustomerRepository } from './customer/customer.repository';
import { CustomerResolver } from './customer/customer.resolver';
import { CustomerService } from './customer/customer.service';
import { createInteractionLoaders } from './interaction/interaction.loaders';
import { InteractionRepository } from './interaction/interaction.repository';
import { InteractionResolver } from './interaction/interaction.resolver';
import { InteractionService } from './interaction/interaction.service';
import { customersPersonalData } from './privacy';
import { CustomerSubjectData } from './subject-data/subject-data.service';
import { CustomerSubjectDataRepository } from './subject-data/subject-data.repository';
import { CustomerExistenceResolver } from './existence/customer-existence.resolver';
import { CustomerExistenceService } from './existence/customer-existence.service';
import { RemoteConditions } from './segment/remote-conditions';
import { createSegmentLoaders } from './segment/segment.loaders';
import { SegmentMembershipResolver } from './segment/segment-membership.resolver';
import { SegmentMembershipService } from './segment/segment-membership.service';
import { SegmentRepository } from './segment/segment.repository';
import { SegmentResolver } from './segment/segment.resolver';
import { SegmentVersionResolver } from './segment/segment-version.resolver';
import { SegmentSizeHistoryResolver } from './segment/segment-size-history.resolver';
import { SegmentSizeHistoryRepository } from './segment/segment-size-history.repository';
import { SegmentService } from './segment/segment.service';
import { SegmentReleases } from './segment/segment-releases';
import { SegmentFollower } from './segment/segment-follower';
import { InterestRepository } from './interest/interest.repository';
import { InterestResolver } from './interest/interest.resolver';
import { InterestService } from './interest/interest.service';
import { SurveySummaryRepository } from './survey/survey-summary.repository';
import { SurveySummaryResolver } from './survey/survey-summary.resolver';
import { SurveySummaryService } from './survey/survey-summary.service';
import { readSegmentSettings } from './segment/segment.settings';
import { SEGMENT_REFRESH_CALLER, segmentRefreshJob } from './segment/segment-refresher';
import { createCustomersImport } from './import';
import { readPhoneRegion } from './customer/phone-number';
import { MergeRepository } from './merge/merge.repository';
import { MergeService } from './merge/merge.service';
import { MergeResolver } from './merge/merge.resolver';
import { createMergeLoaders } from './merge/merge.loaders';
import { MERGE_PEERS, peerMergeParticipant } from './merge/merge.participants';
import { readMergeSettings } from './merge/merge.settings';

export const SUBGRAPH_NAME = 'customers';

/** Wires repositories, services and resolvers for one data source. Never listens. */
export async function createCustomersApp(dataSource: DataSource, options: SubgraphAppOptions) {
  const customers = new CustomerRepository(dataSource);
  const interactions = new InteractionRepository(dataSource);
  const subjectDataRepository = new CustomerSubjectDataRepository(dataSource);
  const subjectData = new CustomerSubjectData(subjectDataRepository);
  const segmentSettings = readSegmentSettings();
  const segments = new SegmentRepository(dataSource, segmentSettings.sizeHistoryDays);
  const segmentSizes = new SegmentSizeHistoryRepository(dataSource, segmentSettings.sizeHistoryDays);
  const remoteConditions = new RemoteConditions(options.peers);
  const segmentReleases = new SegmentReleases(options.privacy.consentDecider);
  const segmentService = new SegmentService(segments, remoteConditions, segmentSettings, segmentReleases);
  const follower = new SegmentFollower(segments, remoteConditions, segmentReleases, SEGMENT_REFRESH_CALLER, {
    firstMs: segmentSettings.followRetryMs,
    maxMs: Math.max(60_000, segmentSettings.refreshSeconds * 1000),
    isOpen: () => dataSource.isInitialized,
  });
  const segmentRefresh = segmentRefreshJob(segmentService, segmentSettings.refreshSeconds * 1000, segmentSizes);
  const phoneRegion = readPhoneRegion();
  const mergeSettings = readMergeSettings();
  const mergeRepository = new MergeRepository(dataSource);
  const merges = new MergeService(mergeRepository, MERGE_PEERS.map((peer) => peerMergeParticipant(options.peers, peer, mergeSettings.peerTimeoutMs)), mergeSettings, (ids) =>
    follower.customersChanged(ids),
  );
  // One release setup: survey summaries spend from the same per-client budget as customerCounts.
  const aggregateRelease = createAggregateRelease(dataSource, 'customers', options.aggregateNoise);
  // Segments are re-evaluated once after an import that wrote something, never per imported row.
  // After an interaction import, only the customers it wrote for are re-evaluated (set-wise, one pass per segment).
  const imports = createCustomersImport(dataSource, {
    phoneRegion,
    erased: subjectDataRepository,
    afterImport: async () => void (await segmentService.refreshAll(SEGMENT_REFRESH_CALLER)),
    afterInteractions: async (customerIds) => void (customerIds ? await follower.interactionsRecorded(customerIds) : await segmentService.refreshAll(SEGMENT_REFRESH_CALLER)),
  });
  const resolvers = new ResolverContainer([
    createDeadLetterResolver(SUBGRAPH_NAME, dataSource),
    new CustomerResolver(new CustomerService(customers, subjectData, phoneRegion)),
    new InteractionResolver(new InteractionService(interactions, subjectDataRepository, (ids) => follower.interactionsRecorded(ids))),
    new CustomerExistenceResolver(new CustomerExistenceService(customers, subjectDataRepository, mergeRepository)),
    createAnalyticsResolver(dataSource, options.aggregateNoise, aggregateRelease),
    new SubjectDataResolver(SUBGRAPH_NAME, subjectData),
    new MergeResolver(merges),
    new SegmentResolver(segmentService),
    new SegmentVersionResolver(),
    new SegmentSizeHistoryResolver(),
    new SegmentMembershipResolver(new SegmentMembershipService(segments)),
    new InterestResolver(new InterestService(new InterestRepository(dataSource))),
    new SurveySummaryResolver(new SurveySummaryService(new SurveySummaryRepository(dataSource), segments, aggregateRelease)),
    ...imports.resolvers,
  ]);
  const schema = await buildFederatedSchema<CustomersContext>({
    resolvers,
    personalDataOwners: customersPersonalData.owners,
    ownedThroughParent: customersPersonalData.ownedThroughParent,
    referenceResolvers: {
      Customer: {
        async __resolveReference(reference, ctx) {
          // Through federation too, a restricted caller (partner, self-service) reaches only its customers.
          const asked = String(reference.id).toLowerCase();
          if (!isUuid(asked)) return null;
          const visibility = await visibleCustomers(ctx);
          const id = await resolveRetiredId(ctx, visibility, asked);
          if (!isVisible(visibility, id)) return null;
          const entity = await ctx.loaders.customerById.load(id);
          return entity && toCustomerType(entity);
        },
      },
    },
  });
  return createSubgraphServer<CustomersLoaders>({
    name: SUBGRAPH_NAME,
    schema,
    callerSigningKey: options.callerSigningKey,
    production: options.production,
    ...options.privacy,
    routes: imports.routes(SUBGRAPH_NAME, options.callerSigningKey),
    createLoaders: () => ({ ...createMergeLoaders(merges), ...createCustomerLoaders(customers), ...createInteractionLoaders(interactions), ...createSegmentLoaders(segments, segmentSizes) }),
    plugins: [segmentRefresh.plugin(() => dataSource.isInitialized)],
  });
}
