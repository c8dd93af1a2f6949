import { EVENT_VERSIONS, type EventType } from './event-envelope';

/** One event per row of `from`, each part an SQL expression over those rows. */
export interface EventRowsSql {
  type: EventType;
  /** uuid expression, or `NULL` for an event about nobody (stock levels). */
  customerId: string;
  /** jsonb expression: the payload, shaped as the single-row write path shapes it. */
  payload: string;
  /** timestamptz expression: when the change committed (the batch's clock). */
  occurredAt: string;
  /** `FROM …` with its joins, WHERE and GROUP BY. */
  from: string;
  /** The order the events take in the outbox: the dispatcher delivers one customer's events in it. */
  orderBy: string;
}

/**
 * The set-wise twin of recordEvents for bulk write paths (imports): one INSERT … SELECT writing the
 * events of every row a merge statement just wrote into the subgraph's outbox, run in the batch's
 * transaction (as a statement of its own or as a data-modifying CTE), so the events commit with the
 * rows or not at all. The rows go in `orderBy` order, which is the order of their `seq`.
 */
export function insertEventsSql(schema: string, rows: EventRowsSql): string {
  if (!/^[a-z_]+$/.test(schema)) throw new Error('outbox: bad schema name');
  if (!Object.hasOwn(EVENT_VERSIONS, rows.type)) throw new Error('outbox: unknown event type');
  return `INSERT INTO "${schema}".outbox (id, type, version, occurred_at, customer_id, payload)
    SELECT gen_random_uuid(), '${rows.type}', ${EVENT_VERSIONS[rows.type]}, ${rows.occurredAt}, ${rows.customerId}, ${rows.payload}
    ${rows.from}
    ORDER BY ${rows.orderBy}`;
}
