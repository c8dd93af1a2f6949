import type { SubgraphContext } from '@c360/shared';
import type { CustomerLoaders } from './customer/customer.loaders';
import type { InteractionLoaders } from './interaction/interaction.loaders';
import type { SegmentLoaders } from './segment/segment.loaders';
import type { MergeLoaders } from './merge/merge.loaders';

export type CustomersLoaders = CustomerLoaders & InteractionLoaders & SegmentLoaders & MergeLoaders;
export type CustomersContext = SubgraphContext<CustomersLoaders>;
