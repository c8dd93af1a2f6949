import 'reflect-metadata';
import { runSubgraphMain } from '@c360/shared';
import { transactionsSubgraph } from './index';

void runSubgraphMain(transactionsSubgraph);
