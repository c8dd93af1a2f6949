import type { SubgraphDefinition } from '@c360/shared';
import { createCustomersApp, SUBGRAPH_NAME } from './app';
import { CustomerEntity } from './customer/customer.entity';
import { ExternalIdentityEntity } from './customer/external-identity.entity';
import { seedCustomersDemoData } from './demo/seed-customers';
import { InteractionEntity } from './interaction/interaction.entity';
import { CreateCustomers1732300000000 } from './migrations/1732300000000-create-customers';
import { customersPersonalData } from './privacy';

export const customersSubgraph: SubgraphDefinition = {
  name: SUBGRAPH_NAME,
  envPrefix: 'CUSTOMERS',
  defaultPort: 4001,
  storage: {
    schema: 'customers',
    entities: [CustomerEntity, ExternalIdentityEntity, InteractionEntity],
    migrations: [CreateCustomers1732300000000],
  },
  createApp: createCustomersApp,
  personalData: customersPersonalData,
  seedDemoData: seedCustomersDemoData,
};
