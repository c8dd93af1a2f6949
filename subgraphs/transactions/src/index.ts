import type { SubgraphDefinition } from '@c360/shared';
import { transactionsPersonalData } from './privacy';
import { createTransactionsApp, SUBGRAPH_NAME } from './app';
import { seedTransactionsDemoData } from './demo/seed-transactions';
import { CreateTransactions1732300001000 } from './migrations/1732300001000-create-transactions';
import { OrderLineEntity } from './order/order-line.entity';
import { OrderEntity } from './order/order.entity';
import { ProductEntity } from './product/product.entity';

export const transactionsSubgraph: SubgraphDefinition = {
  name: SUBGRAPH_NAME,
  envPrefix: 'TRANSACTIONS',
  defaultPort: 4002,
  storage: {
    schema: 'transactions',
    entities: [ProductEntity, OrderEntity, OrderLineEntity],
    migrations: [CreateTransactions1732300001000],
  },
  createApp: createTransactionsApp,
  personalData: transactionsPersonalData,
  seedDemoData: seedTransactionsDemoData,
};
