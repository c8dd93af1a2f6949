import type { SubgraphDefinition } from '@c360/shared';
import { consentSubgraph } from '../subgraphs/consent/src';
import { customersSubgraph } from '../subgraphs/customers/src';

/** The subgraphs of the customer-360 graph, in start order. Composition code only; services never import each other. */
export const SUBGRAPHS: SubgraphDefinition[] = [customersSubgraph, consentSubgraph];
