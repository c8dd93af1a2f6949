import type { SubgraphDefinition } from '@c360/shared';
import { transactionsPersonalData } from './privacy';
import { createTransactionsApp, SUBGRAPH_NAME } from './app';
import { seedTransactionsDemoData } from './demo/seed-transactions';
import { CreateTransactions1732300001000 } from './migrations/1732300001000-create-transactions';
import { CreateCustomerValue1732300011000 } from './migrations/1732300011000-create-customer-value';
import { OrderLineEntity } from './order/order-line.entity';
import { OrderEntity } from './order/order.entity';
import { ProductEntity } from './product/product.entity';
import { CustomerValueRepository } from './value/customer-value.repository';
import { CustomerValueService } from './value/customer-value.service';
import { readValueSettings } from './value/value.settings';

export const transactionsSubgraph: SubgraphDefinition = {
  name: SUBGRAPH_NAME,
  envPrefix: 'TRANSACTIONS',
  defaultPort: 4002,
  storage: {
    schema: 'transactions',
    entities: [ProductEntity, OrderEntity, OrderLineEntity],
    migrations: [CreateTransactions1732300001000, CreateCustomerValue1732300011000],
  },
  createApp: createTransactionsApp,
  personalData: transactionsPersonalData,
  async seedDemoData(dataSource, options) {
    const seeded = await seedTransactionsDemoData(dataSource, options);
    // Fresh orders need fresh values; the refresh is as of now, like any other.
    if (seeded) await new CustomerValueService(new CustomerValueRepository(dataSource), readValueSettings()).refreshAll();
    return seeded;
  },
};
