import '@c360/shared/service/offline'; // no phoning home, before @apollo/gateway loads
import 'reflect-metadata';
import { listen } from '@c360/shared';
import { createGatewayApp } from '../../gateway/src/app';
import type { SubgraphName } from '../../gateway/src/config';
import { SAFELIST_DIR, SUPERGRAPH_PATH } from '../../scripts/platform';
import { announceReady, failStartup } from './ipc';

/**
 * Our gateway exactly as the platform builds it: bearer-JWT auth and a caller token signed
 * per subgraph and request. Env: CALLER_SIGNING_KEY, SUBGRAPH_URLS (JSON), BENCH_AUTH (JSON AuthOptions).
 */
async function main() {
  const app = await createGatewayApp({
    production: false,
    supergraphPath: SUPERGRAPH_PATH,
    callerSigningKey: process.env.CALLER_SIGNING_KEY!,
    subgraphTimeoutMs: 10_000,
    trustedDocuments: { dir: SAFELIST_DIR, adHocAllowed: true },
    auth: JSON.parse(process.env.BENCH_AUTH!),
    subgraphUrls: JSON.parse(process.env.SUBGRAPH_URLS!) as Record<SubgraphName, string>,
  });
  const url = await listen(app.http, 0, '127.0.0.1');
  process.on('SIGTERM', () => process.exit(0));
  announceReady({ gateway: url });
}

main().catch(failStartup);
