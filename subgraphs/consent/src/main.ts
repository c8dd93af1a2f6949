import 'reflect-metadata';
import { runSubgraphMain } from '@c360/shared';
import { consentSubgraph } from './index';

void runSubgraphMain(consentSubgraph);
