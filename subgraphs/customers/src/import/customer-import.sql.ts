import { insertEventsSql, type ImportCheck, type ImportTables } from '@c360/shared';
import { AcquisitionChannel } from '../customer/customer.enums';
import { CUSTOMER_PARAMS as P } from './customer-import.rules';

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
const longerThan = (column: string, max: number) => `length(s.${column}) NOT BETWEEN 1 AND ${max}`;
const refused = (param: number) => `s.line_no = ANY($${param}::bigint[])`;

/** Who already holds this external id of the source system ($2), if anyone. */
const holderOf = `(SELECT x.customer_id FROM customers.external_identity x WHERE x.system = $2 AND x.external_id = s.external_id)`;

/** Rules over a staged customer `s`, in the order createCustomer applies them; the line lists come from customerBatchFacts. */
export const customerChecks = (phoneRule: string): ImportCheck[] => [
  { field: 'externalId', reason: 'must be 1 to 128 characters', failsWhen: longerThan('external_id', 128) },
  { field: 'externalId', reason: 'belongs to an erased customer', failsWhen: refused(P.erased) },
  { field: 'acquisitionChannel', reason: 'is not an acquisition channel', failsWhen: `s.acquisition_channel NOT IN (${list(Object.values(AcquisitionChannel))})` },
  { field: 'displayName', reason: 'must be 1 to 200 characters', failsWhen: longerThan('display_name', 200) },
  { field: 'givenName', reason: 'must be 1 to 100 characters', failsWhen: longerThan('given_name', 100) },
  { field: 'familyName', reason: 'must be 1 to 100 characters', failsWhen: longerThan('family_name', 100) },
  { field: 'displayName', reason: 'is required unless givenName or familyName is given', failsWhen: `s.display_name IS NULL AND s.given_name IS NULL AND s.family_name IS NULL` },
  { field: 'email', reason: 'must be an e-mail address', failsWhen: refused(P.badEmail) },
  // Case-folded like the unique index: the address of another customer is refused, never linked to this external id.
  { field: 'email', reason: 'belongs to another customer', failsWhen: `s.email IS NOT NULL AND EXISTS (SELECT 1 FROM customers.customer c WHERE c.email IS NOT NULL AND lower(c.email) = lower(s.email) AND c.id IS DISTINCT FROM ${holderOf})` },
  { field: 'phone', reason: phoneRule, failsWhen: refused(P.badPhone) },
  { field: 'birthDate', reason: 'must be a date (YYYY-MM-DD) in the past', failsWhen: refused(P.badBirthDate) },
  { field: 'addressLine1', reason: 'must be 1 to 200 characters', failsWhen: longerThan('address_line1', 200) },
  { field: 'addressLine2', reason: 'must be 1 to 200 characters', failsWhen: longerThan('address_line2', 200) },
  { field: 'postalCode', reason: 'must be 1 to 20 characters', failsWhen: longerThan('postal_code', 20) },
  { field: 'city', reason: 'must be 1 to 100 characters', failsWhen: longerThan('city', 100) },
  { field: 'region', reason: 'must be 1 to 100 characters', failsWhen: longerThan('region', 100) },
  { field: 'countryCode', reason: 'must be an ISO 3166-1 alpha-2 code such as GB', failsWhen: refused(P.badCountry) },
  { field: 'locale', reason: 'must be a language tag such as en or en-GB', failsWhen: `s.locale !~ '^[a-z]{2,3}(-[A-Z]{2})?$'` },
  { field: 'acquisitionSource', reason: 'must be 1 to 200 characters', failsWhen: longerThan('acquisition_source', 200) },
];

/**
 * Rejects the lines whose external id an erasure tombstoned after customerBatchFacts read the
 * tombstones (outside the transaction): run in the batch's transaction, which shares the customer gate
 * an erasure closes, so every erasure that is not waiting for the batch has committed and is seen here.
 * $1 job, $2 the staged lines, $3 their hashes (aligned).
 */
export const rejectErasedSinceFacts = (t: ImportTables) => `
  WITH gone AS (
    DELETE FROM ${t.records} s USING unnest($2::bigint[], $3::text[]) AS h(line_no, identity_hash)
     WHERE s.line_no = h.line_no AND h.identity_hash IN (SELECT e.identity_hash FROM customers.erased_identity e)
    RETURNING s.line_no
  ), reported AS (
    INSERT INTO ${t.badRows} (job_id, line_no, field, reason) SELECT $1, line_no, 'externalId', 'belongs to an erased customer' FROM gone
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone)::int AS rejected, (SELECT count(*) FROM reported)::int AS reported`;

/** Each staged line with its identities as the mutations store them ($3 lines, $4 e-mails, $5 phones). */
const normalised = (t: ImportTables) =>
  `SELECT s.*, n.email_n, n.phone_n FROM ${t.records} s JOIN unnest($3::bigint[], $4::text[], $5::text[]) AS n(line_no, email_n, phone_n) USING (line_no)`;

/**
 * Two new external ids with one e-mail address (in any case) in one batch: the first line becomes
 * the customer, every later one is reported like an address another customer holds. $1 job.
 */
export const rejectSharedEmails = (t: ImportTables) => `
  WITH owners AS (
    SELECT line_no, external_id, first_value(external_id) OVER (PARTITION BY lower(email) ORDER BY line_no) AS owner
    FROM ${t.records} WHERE email IS NOT NULL
  ), gone AS (
    DELETE FROM ${t.records} s USING owners o WHERE s.line_no = o.line_no AND o.external_id <> o.owner RETURNING s.line_no
  ), reported AS (
    INSERT INTO ${t.badRows} (job_id, line_no, field, reason) SELECT $1, line_no, 'email', 'belongs to another customer' FROM gone
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone)::int AS rejected, (SELECT count(*) FROM reported)::int AS reported`;

/**
 * Inserts a customer and its external id for every external id the source system ($1) has not sent
 * before (first line wins), as createCustomer would: display name derived from the names when not
 * given, locale en by default. A customer whose e-mail another writer took meanwhile is skipped
 * (no external id without its customer); compareResent reports it. $2 now, $6 the importing client.
 */
export const insertNewCustomers = (t: ImportTables) => `
  WITH fresh AS (
    SELECT DISTINCT ON (s.external_id) s.* FROM (${normalised(t)}) s
    WHERE NOT EXISTS (SELECT 1 FROM customers.external_identity x WHERE x.system = $1 AND x.external_id = s.external_id)
    ORDER BY s.external_id, s.line_no
  ), ins AS (
    INSERT INTO customers.customer (id, display_name, given_name, family_name, email, phone, birth_date, address_line1, address_line2, postal_code, city, region, country_code,
                                    locale, acquisition_channel, acquisition_source, created_at, updated_at)
    SELECT f.customer_id, coalesce(f.display_name, concat_ws(' ', f.given_name, f.family_name)), f.given_name, f.family_name, f.email_n, f.phone_n, f.birth_date::date,
           f.address_line1, f.address_line2, f.postal_code, f.city, f.region, f.country_code, coalesce(f.locale, 'en'), f.acquisition_channel, f.acquisition_source, $2, $2
    FROM fresh f
    ON CONFLICT DO NOTHING
    RETURNING id
  ), linked AS (
    INSERT INTO customers.external_identity (system, external_id, customer_id, imported_by)
    SELECT $1, f.external_id, f.customer_id, $6 FROM fresh f JOIN ins ON ins.id = f.customer_id
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM linked)::int AS linked, (SELECT count(*) FROM ${t.records})::int AS staged`;

/**
 * What createCustomer records for each customer the insert above created: `customer.created`, in the
 * batch's transaction, in file order. The staged ids are fresh for this batch, so a staged customer
 * whose id is now stored is one this batch created (all of them when it inserted every staged line);
 * a re-sent or refused line names an id nobody holds and records nothing. $1 now.
 */
export const recordCreatedEvents = (t: ImportTables, all: boolean) =>
  insertEventsSql('customers', {
    type: 'customer.created',
    customerId: 's.customer_id',
    payload: `jsonb_build_object('customerId', s.customer_id::text)`,
    occurredAt: '$1::timestamptz',
    from: `FROM ${t.records} s${all ? '' : ' WHERE EXISTS (SELECT 1 FROM customers.customer c WHERE c.id = s.customer_id)'}`,
    orderBy: 's.line_no',
  });

/**
 * Every staged customer not inserted above: when its external id is held, the same content
 * (compared normalised) is unchanged and anything else a conflict, never merged; when it is not
 * held, another writer took its e-mail address meanwhile. Content is compared only with a record
 * this client ($6) imported and nobody changed since: an ERP reads no personal fields, so any
 * other held id is refused as createCustomer refuses it, whatever the row says (no line of a
 * file of guesses may come back unchanged). $1 job, $2 source system.
 */
export const compareResent = (t: ImportTables) => `
  WITH staged AS (
    SELECT s.*, ${holderOf} AS holder FROM (${normalised(t)}) s
  ), verdict AS (
    SELECT st.line_no, st.holder IS NOT NULL AS held,
           x.imported_by IS NOT DISTINCT FROM $6 AND x.imported_by IS NOT NULL AND c.updated_at = c.created_at AS comparable,
           x.imported_by IS NOT DISTINCT FROM $6 AND x.imported_by IS NOT NULL AND c.updated_at = c.created_at
             AND c.id IS NOT NULL
             AND c.display_name = coalesce(st.display_name, concat_ws(' ', st.given_name, st.family_name))
             AND c.given_name IS NOT DISTINCT FROM st.given_name AND c.family_name IS NOT DISTINCT FROM st.family_name
             AND c.email IS NOT DISTINCT FROM st.email_n AND c.phone IS NOT DISTINCT FROM st.phone_n
             AND c.birth_date IS NOT DISTINCT FROM st.birth_date::date
             AND c.address_line1 IS NOT DISTINCT FROM st.address_line1 AND c.address_line2 IS NOT DISTINCT FROM st.address_line2
             AND c.postal_code IS NOT DISTINCT FROM st.postal_code AND c.city IS NOT DISTINCT FROM st.city AND c.region IS NOT DISTINCT FROM st.region
             AND c.country_code IS NOT DISTINCT FROM st.country_code AND c.locale = coalesce(st.locale, 'en')
             AND c.acquisition_channel = st.acquisition_channel AND c.acquisition_source IS NOT DISTINCT FROM st.acquisition_source AS same
    FROM staged st LEFT JOIN customers.customer c ON c.id = st.holder
    LEFT JOIN customers.external_identity x ON x.system = $2 AND x.external_id = st.external_id
    WHERE st.holder IS DISTINCT FROM st.customer_id
  ), conflicts AS (
    INSERT INTO ${t.badRows} (job_id, line_no, field, reason)
    SELECT $1, line_no, CASE WHEN held THEN 'externalId' ELSE 'email' END,
           CASE WHEN NOT held THEN 'belongs to another customer' WHEN comparable THEN 'was already imported with different content' ELSE 'already belongs to a customer' END
    FROM verdict WHERE NOT same
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*) FILTER (WHERE same)::int AS unchanged, count(*) FILTER (WHERE NOT same)::int AS conflicts, (SELECT count(*) FROM conflicts)::int AS reported FROM verdict`;
