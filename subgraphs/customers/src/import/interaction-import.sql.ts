import type { ImportCheck, ImportTables } from '@c360/shared';
import { InteractionChannel, InteractionKind } from '../interaction/interaction.enums';
import { INTERACTION_PARAMS as P, MAX_ATTRIBUTES_BYTES } from './interaction-import.rules';

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** Rules over a staged interaction `s`, as recordInteraction applies them; the customer is checked set-wise against this schema's own tables. */
export const INTERACTION_CHECKS: ImportCheck[] = [
  { field: 'externalId', reason: 'must be 1 to 128 characters', failsWhen: `length(s.external_id) NOT BETWEEN 1 AND 128` },
  // The tombstone table is small: an uncorrelated IN is one hashed lookup per row.
  { field: 'customerId', reason: 'customer was erased', failsWhen: `encode(sha256(convert_to('c360-erased:' || s.customer_id::text, 'UTF8')), 'hex') IN (SELECT customer_hash FROM customers.erased_customer)` },
  // A retired (merged) id is known: the merge re-points its lines to the survivor.
  { field: 'customerId', reason: 'unknown customer', failsWhen: `NOT EXISTS (SELECT 1 FROM customers.customer c WHERE c.id = s.customer_id) AND NOT EXISTS (SELECT 1 FROM customers.customer_alias a WHERE a.alias_id = s.customer_id)` },
  { field: 'channel', reason: 'is not an interaction channel', failsWhen: `s.channel NOT IN (${list(Object.values(InteractionChannel))})` },
  { field: 'kind', reason: 'must be PASSIVE or ACTIVE', failsWhen: `s.kind NOT IN (${list(Object.values(InteractionKind))})` },
  { field: 'type', reason: 'must be UPPER_SNAKE_CASE, e.g. PAGE_VIEW', failsWhen: `s.type !~ '^[A-Z][A-Z0-9_]{1,63}$'` },
  { field: 'occurredAt', reason: 'must not be in the future', failsWhen: `s.occurred_at > $${P.now}::timestamptz + interval '5 minutes'` },
  { field: 'attributes', reason: `must be a JSON object under ${MAX_ATTRIBUTES_BYTES} bytes`, failsWhen: `s.line_no = ANY($${P.badAttributes}::bigint[])` },
];

/** Each staged line with its attributes as stored: parsed from a CSV cell ($n lines, $n+1 JSON texts), else as given, else {}. */
const withAttributes = (t: ImportTables, n: number) =>
  `SELECT s.*, coalesce(a.json::jsonb, s.attributes, '{}'::jsonb) AS attributes_n FROM ${t.records} s LEFT JOIN unnest($${n}::bigint[], $${n + 1}::text[]) AS a(line_no, json) USING (line_no)`;

/**
 * Locks the batch's customers (in id order, so two importers never deadlock) against erasure
 * for the rest of the batch: an erasure either committed before (its customer is gone and the
 * rows are reported) or waits and then erases what the batch wrote. Row locks, not the advisory
 * locks recordInteraction takes, since a batch may name tens of thousands of customers.
 */
export const lockBatchCustomers = (t: ImportTables) => `
  WITH locked AS MATERIALIZED (
    SELECT c.id FROM customers.customer c WHERE c.id IN (SELECT customer_id FROM ${t.records}) ORDER BY c.id FOR KEY SHARE
  )
  SELECT count(*)::int AS locked FROM locked`;

/** Inserts every interaction the source system ($1) has not sent before (first line wins) for a customer that still exists; $2 and $3 the parsed attributes. */
export const insertNewInteractions = (t: ImportTables) => `
  WITH fresh AS (
    SELECT DISTINCT ON (s.external_id) s.* FROM (${withAttributes(t, 2)}) s
    WHERE EXISTS (SELECT 1 FROM customers.customer c WHERE c.id = s.customer_id)
      AND NOT EXISTS (SELECT 1 FROM customers.interaction i WHERE i.source_system = $1 AND i.external_id = s.external_id)
    ORDER BY s.external_id, s.line_no
  ), ins AS (
    INSERT INTO customers.interaction (id, customer_id, channel, kind, type, occurred_at, attributes, source_system, external_id)
    SELECT f.interaction_id, f.customer_id, f.channel, f.kind, f.type, f.occurred_at, f.attributes_n, $1, f.external_id FROM fresh f
    ON CONFLICT (source_system, external_id) DO NOTHING
    RETURNING customer_id
  )
  SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM ${t.records})::int AS staged,
         (SELECT coalesce(array_agg(DISTINCT customer_id::text), '{}') FROM ins) AS customer_ids`;

/**
 * Every staged interaction not inserted above: the same content under its external id is
 * unchanged, anything else a conflict, never merged; none under it means its customer was erased
 * meanwhile. $1 job, $2 source system, $3 and $4 the parsed attributes.
 */
export const compareResent = (t: ImportTables) => `
  WITH verdict AS (
    SELECT s.line_no, i.id IS NOT NULL AS held,
           i.id IS NOT NULL AND i.customer_id = s.customer_id AND i.channel = s.channel AND i.kind = s.kind AND i.type = s.type
             AND i.occurred_at = date_trunc('milliseconds', s.occurred_at) AND i.attributes = s.attributes_n AS same
    FROM (${withAttributes(t, 3)}) s LEFT JOIN customers.interaction i ON i.source_system = $2 AND i.external_id = s.external_id
    WHERE i.id IS DISTINCT FROM s.interaction_id
  ), conflicts AS (
    INSERT INTO ${t.badRows} (job_id, line_no, field, reason)
    SELECT $1, line_no, CASE WHEN held THEN 'externalId' ELSE 'customerId' END, CASE WHEN held THEN 'was already imported with different content' ELSE 'unknown customer' END
    FROM verdict WHERE NOT same
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*) FILTER (WHERE same)::int AS unchanged, count(*) FILTER (WHERE NOT same)::int AS conflicts, (SELECT count(*) FROM conflicts)::int AS reported FROM verdict`;
