import '@c360/shared/service/offline'; // no phoning home, before @apollo/gateway loads
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { CALLER_HEADER } from '@c360/shared';
import { SUPERGRAPH_PATH } from '../../scripts/platform';
import { announceReady, failStartup } from './ipc';

/**
 * The baseline: a plain @apollo/gateway with default settings and no auth over the same
 * subgraphs and supergraph. Subgraphs refuse unsigned requests, so each subgraph call carries
 * one caller header signed once at start (FIXED_CALLER_HEADERS: JSON by subgraph name): the
 * minimum needed to reach them, a constant string set per request, no crypto per request.
 * Env: SUBGRAPH_URLS (JSON), FIXED_CALLER_HEADERS (JSON).
 */
async function main() {
  const urls = JSON.parse(process.env.SUBGRAPH_URLS!) as Record<string, string>;
  const callerHeaders = JSON.parse(process.env.FIXED_CALLER_HEADERS!) as Record<string, string>;
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) =>
      new (class extends RemoteGraphQLDataSource {
        override willSendRequest({ request }: Parameters<NonNullable<RemoteGraphQLDataSource['willSendRequest']>>[0]) {
          request.http?.headers.set(CALLER_HEADER, callerHeaders[name]);
        }
      })({ url: urls[name] }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  process.on('SIGTERM', () => process.exit(0));
  announceReady({ gateway: url });
}

main().catch(failStartup);
