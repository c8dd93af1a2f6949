import type { DataSource } from 'typeorm';
import { createDeadLetterResolver } from '@c360/shared';
import { buildFederatedSchema, createSubgraphServer, isUuid, ResolverContainer, SubjectDataResolver, type SubgraphAppOptions, knownCustomersFor } from '@c360/shared';
import { RedemptionOrderResolver } from './redemption/redemption-order.resolver';
import { RedemptionOrderService } from './redemption/redemption-order.service';
import { createAnalyticsResolver } from './analytics';
import { CatalogueRepository, createCatalogueResolver } from './catalogue';
import { createStockResolver, StockLedgerRepository } from './stock';
import type { TransactionsContext, TransactionsLoaders } from './context';
import { createCustomerFigureRows } from './customer/customer-figures.loader';
import { CustomerFiguresRepository } from './customer/customer-figures.repository';
import { createCustomerLoaders } from './customer/customer.loaders';
import { CustomerPurchasesResolver } from './customer/customer.resolver';
import { PurchaseSummaryRepository } from './customer/purchase-summary.repository';
import { OrderLineResolver } from './order/order-line.resolver';
import { createOrderLoaders } from './order/order.loaders';
import { toOrderType } from './order/order.mapper';
import { OrderRepository } from './order/order.repository';
import { findVisibleOrder } from './order/order.lookup';
import { OrderResolver } from './order/order.resolver';
import { OrderService } from './order/order.service';
import { createProductLoaders } from './product/product.loaders';
import { toProductType } from './product/product.mapper';
import { ProductRepository } from './product/product.repository';
import { ProductResolver } from './product/product.resolver';
import { ProductService } from './product/product.service';
import { createTargetingResolver } from './targeting';
import { CustomerValueRepository } from './value/customer-value.repository';
import { CustomerValueResolver } from './value/customer-value.resolver';
import { createValueService, valueRefreshJob } from './value-analysis';
import { PROFILING, profilingConsentFrom } from './value/profiling-consent';
import { ValueRefreshResolver } from './value/value-refresh.resolver';
import { ValueRefreshJobRepository } from './value/value-refresh-job.repository';
import { ValueRefreshJobs } from './value/value-refresh-job.service';
import { createValueLoaders } from './value/value.loaders';
import { readValueSettings } from './value/value.settings';

import { transactionsPersonalData } from './privacy';
import { OrderSubjectDataRepository } from './subject-data/subject-data.repository';
import { OrderSubjectData } from './subject-data/subject-data.service';
import { createSegmentConditionResolver } from './segment-conditions';
import { createTransactionsImport } from './import';

export const SUBGRAPH_NAME = 'transactions';

/** Wires repositories, services and resolvers for one data source. Never listens. */
export async function createTransactionsApp(dataSource: DataSource, options: SubgraphAppOptions) {
  const products = new ProductRepository(dataSource);
  const orders = new OrderRepository(dataSource);
  const catalogue = new CatalogueRepository(dataSource);
  const stockLedger = new StockLedgerRepository();
  const valueSettings = readValueSettings();
  const summaryRepository = new PurchaseSummaryRepository(dataSource);
  const valueRepository = new CustomerValueRepository(dataSource);
  const figures = new CustomerFiguresRepository(dataSource, {
    summaries: (ids) => summaryRepository.summaries(ids),
    values: (ids) => valueRepository.values(ids),
  });
  const valueService = createValueService(dataSource, valueSettings);
  // Schema tooling builds the app without a database; a served app gets its first values here.
  if (dataSource.isInitialized) await valueService.refreshIfNeverRefreshed();
  // Scores and co-purchases are refreshed once after an import, never per imported row.
  const imports = createTransactionsImport(dataSource, options.peers, async () => void (await valueService.refreshAll()));
  const refreshJobs = new ValueRefreshJobs(new ValueRefreshJobRepository(dataSource), valueService);
  // A merge or unmerge re-points orders: the value of the customers concerned is recomputed in that step.
  const subjectData = new OrderSubjectData(new OrderSubjectDataRepository(dataSource), (customerIds) => valueService.refreshCustomers(customerIds));
  const resolvers = new ResolverContainer([
    createDeadLetterResolver(SUBGRAPH_NAME, dataSource),
    new ProductResolver(new ProductService(products)),
    createCatalogueResolver(catalogue),
    createStockResolver(dataSource, stockLedger),
    new OrderResolver(new OrderService(orders, { products, prices: catalogue, ledger: stockLedger }, (customerId) => valueService.refreshCustomers([customerId]), subjectData, knownCustomersFor(options), subjectData)),
    new OrderLineResolver(),
    new CustomerPurchasesResolver(),
    new CustomerValueResolver(),
    new ValueRefreshResolver(refreshJobs),
    createAnalyticsResolver(dataSource, options.aggregateNoise),
    new SubjectDataResolver(SUBGRAPH_NAME, subjectData),
    new RedemptionOrderResolver(new RedemptionOrderService(orders)),
    createSegmentConditionResolver(dataSource),
    createTargetingResolver(dataSource, valueSettings.windowDays),
    ...imports.resolvers,
  ]);
  const schema = await buildFederatedSchema<TransactionsContext>({
    resolvers,
    personalDataOwners: transactionsPersonalData.owners,
    ownedThroughParent: transactionsPersonalData.ownedThroughParent,
    referenceResolvers: {
      Product: {
        async __resolveReference(reference, ctx) {
          const entity = await ctx.loaders.productBySku.load(String(reference.sku));
          return entity && toProductType(entity);
        },
      },
      Order: {
        async __resolveReference(reference, ctx) {
          const id = String(reference.id).toLowerCase();
          const entity = isUuid(id) ? await findVisibleOrder(ctx, id, { notFoundError: false }) : null;
          return entity && toOrderType(entity);
        },
      },
    },
  });
  return createSubgraphServer<TransactionsLoaders>({
    name: SUBGRAPH_NAME,
    schema,
    callerSigningKey: options.callerSigningKey,
    production: options.production,
    ...options.privacy,
    routes: imports.routes(SUBGRAPH_NAME, options.callerSigningKey),
    plugins: [valueRefreshJob(valueService, valueSettings).plugin(() => dataSource.isInitialized), refreshJobs.plugin()],
    createLoaders: ({ consentFor }) => {
      const figureRows = createCustomerFigureRows(figures);
      return {
        ...createProductLoaders(products),
        ...createOrderLoaders(orders),
        ...createCustomerLoaders(figureRows),
        ...createValueLoaders(figureRows, profilingConsentFrom(consentFor(PROFILING)), valueSettings.windowDays),
      };
    },
  });
}
