import { bootProcess } from '@c360/shared/service/boot';
bootProcess('offers'); // before anything loads pg or node:http users

import 'reflect-metadata';
import { runSubgraphMain } from '@c360/shared';
import { offersSubgraph } from './index';

void runSubgraphMain(offersSubgraph);
