import { bootProcess } from '@c360/shared/service/boot';
bootProcess('customers'); // before anything loads pg or node:http users

import 'reflect-metadata';
import { runSubgraphMain } from '@c360/shared';
import { customersSubgraph } from './index';

void runSubgraphMain(customersSubgraph);
