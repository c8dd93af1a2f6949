import { outboxMigration, repairRetiredIdsMigration, retiredIdsMigration, type SubgraphDefinition } from '@c360/shared';
import { transactionsPersonalData } from './privacy';
import { createTransactionsApp, SUBGRAPH_NAME } from './app';
import { seedTransactionsDemoData } from './demo/seed-transactions';
import { CreateTransactions1732300001000 } from './migrations/1732300001000-create-transactions';
import { CreateCustomerValue1732300011000 } from './migrations/1732300011000-create-customer-value';
import { CreateErasedCustomers1732300022000 } from './migrations/1732300022000-create-erased-customers';
import { OrderLineEntity } from './order/order-line.entity';
import { OrderEntity } from './order/order.entity';
import { ProductEntity } from './product/product.entity';
import { createValueService } from './value-analysis';
import { CreateCoPurchase1732300033000 } from './migrations/1732300033000-create-co-purchase';
import { MarkDeidentifiedOrders1732300044000 } from './migrations/1732300044000-mark-deidentified-orders';
import { CreateImportJobs1732300055000 } from './migrations/1732300055000-create-import-jobs';
import { ErpCatalogueAndStock1732300057100 } from './migrations/1732300057100-erp-catalogue-and-stock';
import { CreatePrivacyBudget1732300102000 } from './migrations/1732300102000-create-privacy-budget';
import { UnlinkableErasure1732300061000 } from './migrations/1732300061000-unlinkable-erasure';
import { CreateStockSnapshotLevels1732300106100 } from './migrations/1732300106100-create-stock-snapshot-levels';
import { CreateValueRefreshJob1732300110000 } from './migrations/1732300110000-create-value-refresh-job';
import { CreateProductImportSkus1732300123000 } from './migrations/1732300123000-create-product-import-skus';
import { CreateMergeMoves1732300141000 } from './migrations/1732300141000-create-merge-moves';
import { readValueSettings, valueEnvSettings } from './value/value.settings';
import { analyticsEnvSettings } from '@c360/shared';

export const transactionsSubgraph: SubgraphDefinition = {
  name: SUBGRAPH_NAME,
  envPrefix: 'TRANSACTIONS',
  defaultPort: 4002,
  settings: { ...valueEnvSettings, ...analyticsEnvSettings },
  storage: {
    schema: 'transactions',
    entities: [ProductEntity, OrderEntity, OrderLineEntity],
    migrations: [CreateTransactions1732300001000, CreateCustomerValue1732300011000, CreateErasedCustomers1732300022000, CreateCoPurchase1732300033000, MarkDeidentifiedOrders1732300044000, CreateImportJobs1732300055000, ErpCatalogueAndStock1732300057100, UnlinkableErasure1732300061000, CreatePrivacyBudget1732300102000, CreateStockSnapshotLevels1732300106100, CreateValueRefreshJob1732300110000, CreateProductImportSkus1732300123000, CreateMergeMoves1732300141000, outboxMigration('transactions'), retiredIdsMigration('transactions'), repairRetiredIdsMigration('transactions')],
  },
  createApp: createTransactionsApp,
  personalData: transactionsPersonalData,
  async seedDemoData(dataSource, options) {
    const seeded = await seedTransactionsDemoData(dataSource, options);
    // Fresh orders need fresh values; the refresh is as of now, like any other.
    if (seeded) await createValueService(dataSource, readValueSettings()).refreshAll();
    return seeded;
  },
};
