import type { SubgraphDefinition } from '@c360/shared';
import { consentSubgraph } from '../subgraphs/consent/src';
import { customersSubgraph } from '../subgraphs/customers/src';
import { offersSubgraph } from '../subgraphs/offers/src';
import { transactionsSubgraph } from '../subgraphs/transactions/src';

/** The subgraphs of the customer-360 graph. Composition code only; services never import each other. */
export const SUBGRAPHS: SubgraphDefinition[] = [customersSubgraph, transactionsSubgraph, offersSubgraph, consentSubgraph];
