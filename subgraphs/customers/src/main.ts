import 'reflect-metadata';
import { runSubgraphMain } from '@c360/shared';
import { customersSubgraph } from './index';

void runSubgraphMain(customersSubgraph);
