import { setting } from '../config/env-schema';

/**
 * Outbox delivery, read once at boot by every subgraph. A failed delivery is retried after
 * EVENTS_RETRY_BASE_MS, doubling each time up to EVENTS_RETRY_MAX_MS; after EVENTS_MAX_ATTEMPTS
 * attempts the event is a dead letter until staff replay it.
 */
export const eventSettings = {
  /** NATS server with JetStream (e.g. nats://127.0.0.1:4222); unset: no stream, the outbox still drains to the other sinks. */
  NATS_URL: setting.url({ protocols: ['nats', 'tls'], optional: true }),
  NATS_STREAM: setting.requiredString({ default: 'C360_EVENTS' }),
  /** Subjects are <prefix>.<event type>, e.g. c360.events.order.recorded. */
  NATS_SUBJECT_PREFIX: setting.requiredString({ default: 'c360.events' }),
  EVENTS_POLL_MS: setting.int({ default: 500, min: 0, max: 60_000 }),
  EVENTS_BATCH_SIZE: setting.int({ default: 100, min: 1, max: 10_000 }),
  EVENTS_RETRY_BASE_MS: setting.int({ default: 1_000, min: 1, max: 3_600_000 }),
  EVENTS_RETRY_MAX_MS: setting.int({ default: 300_000, min: 1, max: 86_400_000 }),
  EVENTS_MAX_ATTEMPTS: setting.int({ default: 12, min: 1, max: 1_000 }),
};

export interface EventsOptions {
  natsUrl?: string;
  natsStream: string;
  natsSubjectPrefix: string;
  /** 0: no timer (tests drive the dispatcher by hand). */
  pollMs: number;
  batchSize: number;
  retry: RetryPolicy;
}

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export const DEFAULT_EVENTS_OPTIONS: EventsOptions = {
  natsStream: 'C360_EVENTS',
  natsSubjectPrefix: 'c360.events',
  pollMs: 500,
  batchSize: 100,
  retry: { baseMs: 1_000, maxMs: 300_000, maxAttempts: 12 },
};

export function eventsOptionsFrom(config: {
  NATS_URL?: string;
  NATS_STREAM: string;
  NATS_SUBJECT_PREFIX: string;
  EVENTS_POLL_MS: number;
  EVENTS_BATCH_SIZE: number;
  EVENTS_RETRY_BASE_MS: number;
  EVENTS_RETRY_MAX_MS: number;
  EVENTS_MAX_ATTEMPTS: number;
}): EventsOptions {
  return {
    natsUrl: config.NATS_URL,
    natsStream: config.NATS_STREAM,
    natsSubjectPrefix: config.NATS_SUBJECT_PREFIX,
    pollMs: config.EVENTS_POLL_MS,
    batchSize: config.EVENTS_BATCH_SIZE,
    retry: { baseMs: config.EVENTS_RETRY_BASE_MS, maxMs: config.EVENTS_RETRY_MAX_MS, maxAttempts: config.EVENTS_MAX_ATTEMPTS },
  };
}

/** Delay before the next try after `attempts` failed ones, or null when the event goes to the dead letters. */
export function retryDelayMs(policy: RetryPolicy, attempts: number): number | null {
  if (attempts >= policy.maxAttempts) return null;
  return Math.min(policy.baseMs * 2 ** Math.max(attempts - 1, 0), policy.maxMs);
}
