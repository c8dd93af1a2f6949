import { bootProcess } from '@c360/shared/service/boot';
bootProcess('consent'); // before anything loads pg or node:http users

import 'reflect-metadata';
import { runSubgraphMain } from '@c360/shared';
import { consentSubgraph } from './index';

void runSubgraphMain(consentSubgraph);
