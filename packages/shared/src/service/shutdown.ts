import { serviceLogger } from '../observability/logger';
import { stopTracing } from '../observability/tracing';

/**
 * Runs `stop` once on SIGINT/SIGTERM (it drains requests in flight, stops jobs, closes pools),
 * flushes traces, then exits 0; a second signal exits at once with 130.
 */
export function stopOnSignals(stop: () => Promise<void>, service = 'process'): void {
  const log = serviceLogger(service);
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    log.info({ signal }, `${signal} received, shutting down`);
    stop()
      .then(() => stopTracing())
      .then(
        () => {
          log.info('stopped');
          process.exit(0);
        },
        (error: Error) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
