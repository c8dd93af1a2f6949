import type { SubgraphContext } from '@c360/shared';
import type { CustomerLoaders } from './customer/customer.loaders';
import type { InteractionLoaders } from './interaction/interaction.loaders';

export type CustomersLoaders = CustomerLoaders & InteractionLoaders;
export type CustomersContext = SubgraphContext<CustomersLoaders>;
