import '@c360/shared/service/offline'; // no phoning home, before @apollo/gateway loads
import 'reflect-metadata';
import { DEFAULT_EVENTS_OPTIONS, openStorage, startSubgraphs, statementCounter, type RunningSubgraph } from '@c360/shared';
import { disableOutboxForBenchmark } from '@c360/shared/events/outbox-switch';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { installStatementCapture } from '../measure/statement-capture';
import { announceReady, failStartup } from './ipc';

/** The four subgraphs in one process over the benchmark database (env: DATABASE_URL, CALLER_SIGNING_KEY). */
async function main() {
  // R8 replays the statements of one real page: record them at the pg client, before storage opens.
  const capture = installStatementCapture();
  // R9's "without" side: the services record no events (a benchmark entry only; no service reads this).
  if (process.env.BENCH_OUTBOX === 'off') disableOutboxForBenchmark();
  const storage = await openStorage({ databaseUrl: process.env.DATABASE_URL });
  const running: RunningSubgraph[] = await startSubgraphs(SUBGRAPHS, {
    storage,
    portOf: () => 0,
    host: '127.0.0.1',
    callerSigningKey: process.env.CALLER_SIGNING_KEY!,
    consentEnforcement: process.env.CONSENT_ENFORCEMENT === 'off' ? 'off' : 'on',
    events: {
      ...DEFAULT_EVENTS_OPTIONS,
      natsUrl: process.env.NATS_URL || undefined,
      natsStream: process.env.NATS_STREAM ?? DEFAULT_EVENTS_OPTIONS.natsStream,
      natsSubjectPrefix: process.env.NATS_SUBJECT_PREFIX ?? DEFAULT_EVENTS_OPTIONS.natsSubjectPrefix,
      pollMs: Number(process.env.EVENTS_POLL_MS ?? DEFAULT_EVENTS_OPTIONS.pollMs),
    },
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
