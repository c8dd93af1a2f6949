import { EVENT_VERSIONS, type ImportCheck, type ImportTables } from '@c360/shared';
import { OfferChannel } from '../offer/offer.enums';
import { OfferResponseType } from '../response/response.enums';
import { OPTION_KEY_PREFIX } from '../eligibility/personalisation';

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
const erasedHash = (id: string) => `encode(sha256(convert_to('c360-erased:' || ${id}::text, 'UTF8')), 'hex')`;

/**
 * Rules over a staged response `s`, in the order recordOfferResponses applies them, with its reasons.
 * $3 the batch's customers the customers subgraph reports erased, $4 those it does not know, $5 the
 * batch's time; $6-$8 the line numbers whose order the transactions subgraph found missing, of
 * another customer, or not COMPLETED.
 */
export const RESPONSE_CHECKS: ImportCheck[] = [
  { field: 'externalId', reason: 'must be 1 to 128 characters', failsWhen: `length(s.external_id) NOT BETWEEN 1 AND 128` },
  { field: 'type', reason: 'is not an offer response type', failsWhen: `s.type NOT IN (${list(Object.values(OfferResponseType))})` },
  { field: 'channel', reason: 'is not an offer channel', failsWhen: `s.channel NOT IN (${list(Object.values(OfferChannel))})` },
  { field: 'offerId', reason: 'unknown offer', failsWhen: `NOT EXISTS (SELECT 1 FROM offers.offer o WHERE o.id = s.offer_id)` },
  { field: 'offerId', reason: 'offer is a DRAFT and has reached no one', failsWhen: `EXISTS (SELECT 1 FROM offers.offer o WHERE o.id = s.offer_id AND o.status = 'DRAFT')` },
  // The tombstone table is small: an uncorrelated IN is one hashed lookup per row.
  { field: 'customerId', reason: 'customer was erased', failsWhen: `${erasedHash('s.customer_id')} IN (SELECT customer_hash FROM offers.erased_customer) OR s.customer_id IN (SELECT unnest($3::uuid[]))` },
  { field: 'customerId', reason: 'unknown customer', failsWhen: `s.customer_id IN (SELECT unnest($4::uuid[]))` },
  // The same clock-skew tolerance as recordOfferResponse.
  { field: 'occurredAt', reason: 'is in the future', failsWhen: `s.occurred_at > $5::timestamptz + interval '5 minutes'` },
  // As recordOfferResponses: an option names one of an ADAPTIVE offer's products (its OfferOption.key).
  { field: 'optionKey', reason: 'is only recorded for an ADAPTIVE offer', failsWhen: `s.option_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM offers.offer o WHERE o.id = s.offer_id AND o.personalisation_type = 'ADAPTIVE')` },
  {
    field: 'optionKey',
    reason: "is not one of the offer's options",
    failsWhen: `s.option_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM offers.offer_product p WHERE p.offer_id = s.offer_id AND '${OPTION_KEY_PREFIX}' || p.sku = s.option_key)`,
  },
  { field: 'orderId', reason: 'is required for a REDEEMED response', failsWhen: `s.type = 'REDEEMED' AND s.order_id IS NULL` },
  { field: 'orderId', reason: 'is only recorded for REDEEMED responses', failsWhen: `s.type <> 'REDEEMED' AND s.order_id IS NOT NULL` },
  { field: 'revenue', reason: 'is only recorded for REDEEMED responses', failsWhen: `s.type <> 'REDEEMED' AND s.revenue IS NOT NULL` },
  { field: 'orderId', reason: 'is not a recorded order', failsWhen: `s.line_no IN (SELECT unnest($6::bigint[]))` },
  { field: 'orderId', reason: "is not an order of this customer", failsWhen: `s.line_no IN (SELECT unnest($7::bigint[]))` },
  { field: 'orderId', reason: 'is not a COMPLETED order', failsWhen: `s.line_no IN (SELECT unnest($8::bigint[]))` },
  // As recordOfferResponses refuses it to every caller without the order total released (an ERP
  // integration never has it): comparing revenue with the total would let the file bisect the total.
  {
    field: 'revenue',
    reason: "is checked against the order's total, which this caller may not read; import the redemption without revenue",
    failsWhen: `s.revenue IS NOT NULL`,
  },
];

/**
 * Serialises the batch with erasures in this subgraph (an erasure inserts its tombstone first): after
 * it, an erasure either committed before (its tombstone is seen by rejectErasedSinceChecks) or waits
 * for the batch and then de-identifies what it wrote. One table lock per batch, not one per customer:
 * 20,000 customers' locks would exhaust PostgreSQL's lock table.
 */
export const LOCK_TOMBSTONES = `LOCK TABLE offers.erased_customer IN SHARE MODE`;

/** Under that lock: rejects the rows whose customer was erased after the checks ran. $1 job. */
export const rejectErasedSinceChecks = (t: ImportTables) => `
  WITH gone AS (
    DELETE FROM ${t.records} s WHERE ${erasedHash('s.customer_id')} IN (SELECT customer_hash FROM offers.erased_customer) RETURNING s.line_no
  ), reported AS (
    INSERT INTO ${t.badRows} (job_id, line_no, field, reason) SELECT $1, line_no, 'customerId', 'customer was erased' FROM gone ON CONFLICT DO NOTHING RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone)::int AS rejected, (SELECT count(*) FROM reported)::int AS reported`;

/**
 * Inserts the batch's new responses (first occurrence of an external id wins) under a neutral event
 * id: a space is outside the client's eventId alphabet, so no recordOfferResponse call can replay
 * an imported response. $1 source system, $2 now, $3 the importing client.
 *
 * In the same statement (so the same transaction) the outbox gets what recordOfferResponses writes
 * for each new response: `offer.response_recorded`, and for a SHOWN one `offer.picked` after it. A
 * re-sent row inserts nothing, so it records nothing. No events when the outbox is off (benchmark only).
 */
export const insertNewResponses = (t: ImportTables, events = true) => `
  WITH fresh AS (
    SELECT DISTINCT ON (s.external_id) s.* FROM ${t.records} s ORDER BY s.external_id, s.line_no
  ), ins AS (
    INSERT INTO offers.offer_response (id, event_id, offer_id, customer_id, type, channel, occurred_at, order_id, revenue, option_key, recorded_at, source_system, external_id, imported_by)
    SELECT f.response_id, 'import ' || f.response_id, f.offer_id, f.customer_id, f.type, f.channel, coalesce(f.occurred_at, $2), f.order_id, f.revenue, f.option_key, $2, $1, f.external_id, $3
    FROM fresh f
    ON CONFLICT (source_system, external_id) DO NOTHING
    RETURNING id, offer_id, customer_id, type
  )${events ? responseEvents : ''}
  SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM ${t.records})::int AS staged`;

/**
 * The events of the rows `ins` inserted, as eventsOf in response.service writes them one by one, in
 * the file's line order (the outbox's seq follows it): one customer's responses reach consumers in
 * the order the file lists them, each pick right after its response.
 */
const responseEvents = `, response_events AS (
    INSERT INTO offers.outbox (id, type, version, occurred_at, customer_id, payload)
    SELECT gen_random_uuid(), e.type, e.version, $2, i.customer_id,
           CASE WHEN e.k = 1 THEN jsonb_build_object('responseId', i.id::text, 'offerId', i.offer_id::text, 'type', i.type)
                ELSE jsonb_build_object('responseId', i.id::text, 'offerId', i.offer_id::text) END
    FROM ins i
    JOIN fresh f ON f.response_id = i.id
    JOIN (VALUES (1, 'offer.response_recorded', ${EVENT_VERSIONS['offer.response_recorded']}), (2, 'offer.picked', ${EVENT_VERSIONS['offer.picked']})) AS e(k, type, version)
      ON e.k = 1 OR i.type = '${OfferResponseType.SHOWN}'
    ORDER BY f.line_no, e.k
    RETURNING 1
  )`;

/**
 * Every staged response not inserted above already exists under its key. The same content is
 * unchanged; different content is a conflict only against what this client imported itself (as
 * recordOfferResponses never compares a caller with content it may not read): a response another
 * client imported under the key is neither compared nor changed, it counts as unchanged.
 * $1 job, $2 source system, $3 the importing client.
 */
export const compareResent = (t: ImportTables) => `
  WITH seen AS (
    SELECT s.line_no,
           r.imported_by <> $3
             OR (r.offer_id = s.offer_id AND r.customer_id = s.customer_id AND r.type = s.type AND r.channel = s.channel
                 AND r.order_id IS NOT DISTINCT FROM s.order_id AND r.revenue IS NOT DISTINCT FROM s.revenue AND r.option_key IS NOT DISTINCT FROM s.option_key
                 AND (s.occurred_at IS NULL OR r.occurred_at = s.occurred_at::timestamptz(3))) AS same
    FROM ${t.records} s JOIN offers.offer_response r ON r.source_system = $2 AND r.external_id = s.external_id
    WHERE r.id <> s.response_id
  ), conflicts AS (
    INSERT INTO ${t.badRows} (job_id, line_no, field, reason)
    SELECT $1, line_no, 'externalId', 'was already imported with different content' FROM seen WHERE NOT same
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*) FILTER (WHERE same)::int AS unchanged, count(*) FILTER (WHERE NOT same)::int AS conflicts, (SELECT count(*) FROM conflicts)::int AS reported FROM seen`;
