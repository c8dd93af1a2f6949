import { insertEventsSql, type ImportCheck, type ImportTables } from '@c360/shared';
import { OrderStatus, SalesChannel } from '../order/order.enums';

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** Rules over a staged order `s`; $3 holds the batch's customer ids the customers subgraph does not know, $4 the batch's time. */
export const ORDER_CHECKS: ImportCheck[] = [
  { field: 'externalId', reason: 'must be 1 to 128 characters', failsWhen: `length(s.external_id) NOT BETWEEN 1 AND 128` },
  // The tombstone table is small: an uncorrelated IN is one hashed lookup per row.
  { field: 'customerId', reason: 'customer was erased', failsWhen: `encode(sha256(convert_to('c360-erased:' || s.customer_id::text, 'UTF8')), 'hex') IN (SELECT customer_hash FROM transactions.erased_customer)` },
  { field: 'customerId', reason: 'unknown customer', failsWhen: `s.customer_id IN (SELECT unnest($3::uuid[]))` },
  { field: 'channel', reason: 'is not a sales channel', failsWhen: `s.channel NOT IN (${list(Object.values(SalesChannel))})` },
  { field: 'currency', reason: 'must be an ISO 4217 code such as EUR', failsWhen: `s.currency !~ '^[A-Z]{3}$'` },
  { field: 'status', reason: 'is not an order status', failsWhen: `s.status IS NOT NULL AND s.status NOT IN (${list(Object.values(OrderStatus))})` },
  { field: 'occurredAt', reason: 'is in the future', failsWhen: `s.occurred_at > $4::timestamptz` },
];

/** Rules over each staged line `i` of order `s`, with its catalogue product `p` (NULL when the sku is unknown). */
export const ORDER_LINE_CHECKS = {
  from: (t: ImportTables) => `FROM ${t.children} i JOIN ${t.records} s USING (line_no) LEFT JOIN transactions.product p ON p.sku = i.sku`,
  checks: [
    { field: 'sku', reason: 'is not in the catalogue', failsWhen: `p.sku IS NULL` },
    { field: 'quantity', reason: 'must be 1 to 1000', failsWhen: `i.quantity NOT BETWEEN 1 AND 1000` },
    { field: 'unitPrice', reason: 'must be 0 to 99999.99 with at most 2 decimals', failsWhen: `i.unit_price NOT BETWEEN 0 AND 99999.99 OR i.unit_price <> round(i.unit_price, 2)` },
    { field: 'sku', reason: "is priced in another currency than the order's", failsWhen: `p.currency <> s.currency` },
  ] satisfies ImportCheck[],
};

/** Locks the batch's products in sku order, as the stock ledger does, so concurrent writers never deadlock. */
export const lockBatchProducts = (t: ImportTables) =>
  `SELECT 1 FROM transactions.product WHERE sku IN (SELECT DISTINCT sku FROM ${t.children}) ORDER BY sku FOR UPDATE`;

/**
 * The merge of new orders, one statement per table in the batch's transaction (a CTE chain of
 * RETURNING and joins was one plan the planner could not estimate, and materialised every inserted
 * row twice). Each insert reads the staging tables directly and writes in its table's key order, so
 * a batch touches each index page once instead of at random (with a million orders the indexes no
 * longer fit in shared buffers). $1 source system, $2 now.
 */

/** A staged order's lines priced from the catalogue where the file gives no unit price. */
const pricedLines = (t: ImportTables) => `
  SELECT i.line_no, i.item_no, i.sku, i.quantity, coalesce(i.unit_price, p.price)::numeric(12,2) AS unit_price
  FROM ${t.children} i JOIN transactions.product p ON p.sku = i.sku`;

/**
 * Inserts the batch's orders that are new (first occurrence of an external id wins; an external id
 * already stored is skipped and compared afterwards), in primary-key order. Returns inserted and staged.
 */
export const insertOrders = (t: ImportTables) => `
  WITH ins AS (
    INSERT INTO transactions.customer_order (id, customer_id, total, currency, channel, status, occurred_at, source_system, external_id, recorded_at)
    SELECT f.order_id, f.customer_id, t.total, f.currency, f.channel, coalesce(f.status, 'COMPLETED'), coalesce(f.occurred_at, $2), $1, f.external_id, $2
    FROM (SELECT DISTINCT ON (s.external_id) s.* FROM ${t.records} s ORDER BY s.external_id, s.line_no) f
    JOIN (SELECT line_no, sum(unit_price * quantity) AS total FROM (${pricedLines(t)}) pr GROUP BY line_no) t USING (line_no)
    ORDER BY f.order_id
    ON CONFLICT (source_system, external_id) DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM ${t.records})::int AS staged`;

/**
 * Which staged orders the insert above wrote: every one when it inserted them all; otherwise those
 * whose generated id is now stored (ids are fresh for this batch, so nothing else can hold one).
 */
const inserted = (all: boolean) => (all ? 'true' : 'EXISTS (SELECT 1 FROM transactions.customer_order o WHERE o.id = s.order_id)');

/** The inserted orders' lines, in primary-key order. */
export const insertLines = (t: ImportTables, all: boolean) => `
  INSERT INTO transactions.order_line (order_id, line_no, sku, quantity, unit_price, line_total)
  SELECT s.order_id, pr.item_no, pr.sku, pr.quantity, pr.unit_price, pr.unit_price * pr.quantity
  FROM (${pricedLines(t)}) pr JOIN ${t.records} s USING (line_no)
  WHERE ${inserted(all)}
  ORDER BY s.order_id, pr.item_no`;

/**
 * The inserted orders' sales in the stock ledger like recordOrder's (one entry per order and sku,
 * cancelled orders sold nothing), in key order. No ON CONFLICT: each key names an order inserted
 * just now under an id generated for this batch, so none can exist yet (were one there, the unique
 * key would roll the batch back whole); the speculative insert probed the key index once more per entry.
 */
export const insertSales = (t: ImportTables, all: boolean) => `
  INSERT INTO transactions.stock_movement (movement_key, source, sku, delta, occurred_at, recorded_at)
  SELECT 'sale:' || s.order_id || ':' || i.sku AS movement_key, 'SALE', i.sku, -sum(i.quantity)::int, coalesce(s.occurred_at, $1), $1
  FROM ${t.children} i JOIN ${t.records} s USING (line_no)
  WHERE coalesce(s.status, 'COMPLETED') <> 'CANCELLED' AND ${inserted(all)}
  GROUP BY s.order_id, i.sku, s.occurred_at
  ORDER BY movement_key`;

/**
 * Moves each product's cached level by the sales just recorded that are dated after its last ERP
 * count (an earlier sale is already in that count). $1 now.
 */
export const moveStock = (t: ImportTables, all: boolean) => `
  UPDATE transactions.product p SET stock_level = p.stock_level + m.delta, updated_at = $1
  FROM (
    SELECT i.sku, -sum(i.quantity)::int AS delta
    FROM ${t.children} i JOIN ${t.records} s USING (line_no) JOIN transactions.product q ON q.sku = i.sku
    WHERE coalesce(s.status, 'COMPLETED') <> 'CANCELLED' AND ${inserted(all)}
      AND (q.stock_as_of IS NULL OR date_trunc('milliseconds', coalesce(s.occurred_at, $1)) > q.stock_as_of)
    GROUP BY i.sku
  ) m
  WHERE p.sku = m.sku AND m.delta <> 0`;

/**
 * What recordOrder records for each order the insert above wrote: `order.recorded` with its id and
 * status, about its customer (the survivor, once aliases are re-pointed), in file order, so that one
 * customer's orders reach consumers in the order the file lists them. $1 now.
 */
export const recordOrderEvents = (t: ImportTables, all: boolean) =>
  insertEventsSql('transactions', {
    type: 'order.recorded',
    customerId: 's.customer_id',
    payload: `jsonb_build_object('orderId', s.order_id::text, 'status', coalesce(s.status, 'COMPLETED'))`,
    occurredAt: '$1::timestamptz',
    from: `FROM ${t.records} s WHERE ${inserted(all)}`,
    orderBy: 's.line_no',
  });

/**
 * Every staged order that was not inserted above already exists under its external id: the
 * same content (header and lines; a line without a unit price matches any) is unchanged,
 * anything else is a conflict reported as a bad row, never merged. $1 job, $2 source system.
 */
export const compareResent = (t: ImportTables) => `
  WITH seen AS (
    SELECT s.line_no, o.id,
           o.customer_id = s.customer_id AND o.currency = s.currency AND o.channel = s.channel
             AND (s.status IS NULL OR o.status = s.status) AND (s.occurred_at IS NULL OR o.occurred_at = date_trunc('milliseconds', s.occurred_at)) AS same_header
    FROM ${t.records} s
    -- One index probe per staged order (OFFSET 0 keeps the planner from flattening the lateral
    -- into a join): with a million orders stored it otherwise hashed or merge-scanned the whole
    -- table for each 20,000-row batch, past the statement timeout.
    CROSS JOIN LATERAL (
      SELECT o.* FROM transactions.customer_order o WHERE o.source_system = $2 AND o.external_id = s.external_id AND o.id <> s.order_id OFFSET 0
    ) o
  ), existing_lines AS (
    SELECT seen.line_no, ol.line_no AS item_no, ol.sku, ol.quantity, ol.unit_price
    FROM seen CROSS JOIN LATERAL (SELECT ol.* FROM transactions.order_line ol WHERE ol.order_id = seen.id OFFSET 0) ol
  ), staged_lines AS (
    SELECT i.line_no, i.item_no, i.sku, i.quantity, i.unit_price FROM ${t.children} i JOIN seen USING (line_no)
  ), differing AS (
    -- Joined on keys only, so no misestimate can turn this into a nested loop over the catalogue.
    SELECT DISTINCT coalesce(e.line_no, n.line_no) AS line_no
    FROM existing_lines e FULL JOIN staged_lines n ON n.line_no = e.line_no AND n.item_no = e.item_no
    WHERE e.line_no IS NULL OR n.line_no IS NULL OR e.sku <> n.sku OR e.quantity <> n.quantity OR (n.unit_price IS NOT NULL AND n.unit_price <> e.unit_price)
  ), verdict AS (
    SELECT seen.line_no, seen.same_header AND d.line_no IS NULL AS same FROM seen LEFT JOIN differing d USING (line_no)
  ), conflicts AS (
    INSERT INTO ${t.badRows} (job_id, line_no, field, reason)
    SELECT $1, line_no, 'externalId', 'was already imported with different content' FROM verdict WHERE NOT same
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*) FILTER (WHERE same)::int AS unchanged, count(*) FILTER (WHERE NOT same)::int AS conflicts, (SELECT count(*) FROM conflicts)::int AS reported FROM verdict`;
