import type { EventEnvelope } from './event-envelope';

/**
 * Where the dispatcher delivers events (the NATS stream, the webhook relay). `deliver` resolves
 * once the sink has accepted the event durably and rejects otherwise; the dispatcher retries
 * a rejected event, so a sink must tolerate the same event id twice.
 */
export interface EventSink {
  name: string;
  deliver(event: EventEnvelope): Promise<void>;
  /**
   * A whole dispatch batch at once (optional; else `deliver` per event): resolves once every event is
   * accepted, rejects otherwise and the dispatcher retries them all. A batch holds at most one event
   * per customer (a customer's next event is only claimed once the previous one is delivered), in outbox order.
   */
  deliverAll?(events: EventEnvelope[]): Promise<void>;
  close?(): Promise<void>;
}
