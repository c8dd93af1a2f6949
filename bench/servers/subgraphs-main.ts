import '@c360/shared/service/offline'; // no phoning home, before @apollo/gateway loads
import 'reflect-metadata';
import { openStorage, startSubgraphs, statementCounter, type RunningSubgraph } from '@c360/shared';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { installStatementCapture } from '../measure/statement-capture';
import { announceReady, failStartup } from './ipc';

/** The four subgraphs in one process over the benchmark database (env: DATABASE_URL, CALLER_SIGNING_KEY). */
async function main() {
  // R8 replays the statements of one real page: record them at the pg client, before storage opens.
  const capture = installStatementCapture();
  const storage = await openStorage({ databaseUrl: process.env.DATABASE_URL });
  const running: RunningSubgraph[] = await startSubgraphs(SUBGRAPHS, {
    storage,
    portOf: () => 0,
    host: '127.0.0.1',
    callerSigningKey: process.env.CALLER_SIGNING_KEY!,
    consentEnforcement: process.env.CONSENT_ENFORCEMENT === 'off' ? 'off' : 'on',
    log: () => undefined,
  });
  const stop = async () => {
    for (const subgraph of running) await subgraph.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  // The statement counter every service's TypeORM logger already feeds (R3).
  announceReady(Object.fromEntries(running.map((s) => [s.name, s.url])), {
    resetStatements: () => statementCounter.reset(),
    statements: () => ({ total: statementCounter.total(), byService: statementCounter.byService() }),
    startCapture: () => capture.start(),
    capturedStatements: () => capture.stop(),
  });
}

main().catch(failStartup);
