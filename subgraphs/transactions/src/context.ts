import type { SubgraphContext } from '@c360/shared';
import type { CustomerLoaders } from './customer/customer.loaders';
import type { OrderLoaders } from './order/order.loaders';
import type { ProductLoaders } from './product/product.loaders';
import type { ValueLoaders } from './value/value.loaders';

export type TransactionsLoaders = ProductLoaders & OrderLoaders & CustomerLoaders & ValueLoaders;
export type TransactionsContext = SubgraphContext<TransactionsLoaders>;
