import type { EventEnvelope } from './event-envelope';

/**
 * Where the dispatcher delivers events (the NATS stream, the webhook relay). `deliver` resolves
 * once the sink has accepted the event durably and rejects otherwise; the dispatcher retries
 * a rejected event, so a sink must tolerate the same event id twice.
 */
export interface EventSink {
  name: string;
  deliver(event: EventEnvelope): Promise<void>;
  close?(): Promise<void>;
}
