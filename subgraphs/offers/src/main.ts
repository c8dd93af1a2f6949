import 'reflect-metadata';
import { runSubgraphMain } from '@c360/shared';
import { offersSubgraph } from './index';

void runSubgraphMain(offersSubgraph);
