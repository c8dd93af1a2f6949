import './offline';
import { startTracing, tracingRequested } from '../observability/tracing';

/**
 * The first lines of every entry point, before the gateway, pg or any server module loads:
 * no phoning home, and traces (when OTEL_TRACES_EXPORTER asks) with SQL spans from `pg`.
 */
export function bootProcess(service: string): void {
  if (tracingRequested()) startTracing({ serviceName: `c360-${service}` });
}
