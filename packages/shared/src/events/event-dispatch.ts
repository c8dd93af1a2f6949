import type { DataSource } from 'typeorm';
import { DEFAULT_EVENTS_OPTIONS, type EventsOptions } from './events.settings';
import type { EventSink } from './event-sink';
import { natsSink } from './nats-sink';
import { OutboxDispatcher } from './outbox-dispatcher';

export type EventDispatch = OutboxDispatcher;

/** One dispatcher per subgraph process, over its own outbox: the NATS stream when configured, plus any given sinks. */
export function startEventDispatch(dataSource: DataSource, schema: string, options: EventsOptions = DEFAULT_EVENTS_OPTIONS, extraSinks: EventSink[] = [], log?: (line: string) => void): EventDispatch {
  const sinks = [...(options.natsUrl ? [natsSink({ url: options.natsUrl, stream: options.natsStream, subjectPrefix: options.natsSubjectPrefix })] : []), ...extraSinks];
  const dispatcher = new OutboxDispatcher(dataSource, { schema, sinks, retry: options.retry, batchSize: options.batchSize, pollMs: options.pollMs, log });
  dispatcher.start();
  return dispatcher;
}
