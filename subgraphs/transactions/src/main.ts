import { bootProcess } from '@c360/shared/service/boot';
bootProcess('transactions'); // before anything loads pg or node:http users

import 'reflect-metadata';
import { runSubgraphMain } from '@c360/shared';
import { transactionsSubgraph } from './index';

void runSubgraphMain(transactionsSubgraph);
