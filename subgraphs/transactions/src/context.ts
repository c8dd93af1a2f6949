import type { SubgraphContext } from '@c360/shared';
import type { CustomerLoaders } from './customer/customer.loaders';
import type { OrderLoaders } from './order/order.loaders';
import type { ProductLoaders } from './product/product.loaders';

export type TransactionsLoaders = ProductLoaders & OrderLoaders & CustomerLoaders;
export type TransactionsContext = SubgraphContext<TransactionsLoaders>;
