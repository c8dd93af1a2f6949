/**
 * The value analysis as SQL, computed set-wise. Parameters shared by every statement:
 * $1 reference date ("as of", the refresh time in production), $2 window in days, $3 and $4
 * the first instants of the window and of the one before it (given, not computed per order row).
 * Only COMPLETED orders up to $1 count, in the customer's main currency (the one most of
 * their completed orders use, as in PurchaseSummary); other currencies are left out.
 * De-identified orders (an erased customer's, kept under a pseudonym for accounting) are
 * nobody's: they are never valued, so the pseudonym gets no profile and takes no place in the
 * quintiles or the base rates, in full and per-customer refreshes alike.
 */

const WINDOW_START = '$3::timestamptz';
const PREVIOUS_WINDOW_START = '$4::timestamptz';

/** Per-customer raw metrics: one pass over the orders. `filter` narrows to some customers. */
const metricsCtes = (filter: string) => `
per_currency AS (
  SELECT customer_id, currency,
         count(*)::int AS order_count,
         sum(total) AS historical_value,
         min(occurred_at) AS first_purchase_at,
         max(occurred_at) AS last_purchase_at,
         count(*) FILTER (WHERE occurred_at >= ${WINDOW_START})::int AS frequency,
         coalesce(sum(total) FILTER (WHERE occurred_at >= ${WINDOW_START}), 0) AS monetary,
         bool_or(occurred_at >= ${PREVIOUS_WINDOW_START} AND occurred_at < ${WINDOW_START}) AS bought_in_previous_window
  FROM transactions.customer_order
  WHERE status = 'COMPLETED' AND occurred_at <= $1::timestamptz AND deidentified_at IS NULL ${filter}
  GROUP BY customer_id, currency
), metrics AS (
  SELECT DISTINCT ON (customer_id) *,
         floor(extract(epoch FROM $1::timestamptz - last_purchase_at) / 86400)::int AS recency_days,
         CASE WHEN order_count > 1 THEN (extract(epoch FROM last_purchase_at - first_purchase_at) / 86400 / (order_count - 1))::float8 END AS mean_interval_days
  FROM per_currency
  ORDER BY customer_id, order_count DESC, currency
)`;

/**
 * Expected remaining lifetime: with a retention rate r per window (share of the previous
 * window's buyers who bought again in this one), a geometric lifetime lasts 1 / (1 − r)
 * windows. Capped at 10 years; no evidence of retention (no previous-window buyers) gives one window.
 */
const EXPECTED_LIFETIME_YEARS = `least(10, ($2::int / 365.0) / greatest(1 - coalesce(retention_rate, 0), 1e-9))::float8`;

/**
 * The full base's parameters. Prior rhythm for one-order customers: the median of the
 * repeat customers' mean intervals (the window length when nobody has bought twice).
 */
const FULL_BASE_CTE = `
base_rates AS (
  SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY mean_interval_days) FILTER (WHERE mean_interval_days IS NOT NULL), $2::int)::float8 AS prior_interval_days,
         (count(*) FILTER (WHERE bought_in_previous_window AND frequency > 0))::float8 / nullif(count(*) FILTER (WHERE bought_in_previous_window), 0) AS retention_rate
  FROM metrics
), base AS (
  SELECT prior_interval_days, retention_rate, ${EXPECTED_LIFETIME_YEARS} AS expected_lifetime_years, $1::timestamptz AS scores_as_of FROM base_rates
)`;

/**
 * Scores 1–5 by ntile(5) over the customers with a purchase in the window (higher is better:
 * more recent, more orders, more money). Ties: ntile alone would split equal values across
 * two quintiles by an arbitrary tie-break, so every customer of a tie group takes the lowest
 * tile of that group; equal values always share a score and nobody is promoted by chance.
 */
const FULL_SCORES_CTE = `
tiles AS (
  SELECT customer_id, recency_days, frequency, monetary,
         ntile(5) OVER (ORDER BY recency_days DESC, customer_id) AS r_tile,
         ntile(5) OVER (ORDER BY frequency, customer_id) AS f_tile,
         ntile(5) OVER (ORDER BY monetary, customer_id) AS m_tile
  FROM metrics WHERE frequency > 0
), scores AS (
  SELECT customer_id,
         min(r_tile) OVER (PARTITION BY recency_days) AS recency_score,
         min(f_tile) OVER (PARTITION BY frequency) AS frequency_score,
         min(m_tile) OVER (PARTITION BY monetary) AS monetary_score
  FROM tiles
)`;

/** Parameters of the last full refresh, for refreshing a few customers between full refreshes. */
const STORED_BASE_CTE = `
base AS (
  SELECT coalesce(max(prior_interval_days), $2::int)::float8 AS prior_interval_days,
         coalesce(max(expected_lifetime_years), $2::int / 365.0)::float8 AS expected_lifetime_years,
         max(refreshed_at) AS scores_as_of
  FROM transactions.customer_value_refresh
)`;

/** A score from the last full refresh's edges: the best score whose edge the value reaches. */
const scoreFromEdges = (edges: string, reaches: string) =>
  `(SELECT coalesce(max(e.score), 1) FROM unnest(r.${edges}) WITH ORDINALITY AS e(edge, score) WHERE ${reaches})::int`;

/** Scores "as of the last full refresh": placed against its quintile edges, not re-ranked. */
const STORED_SCORES_CTE = `
scores AS (
  SELECT m.customer_id,
         ${scoreFromEdges('recency_edges', 'e.edge >= m.recency_days')} AS recency_score,
         ${scoreFromEdges('frequency_edges', 'e.edge <= m.frequency')} AS frequency_score,
         ${scoreFromEdges('monetary_edges', 'e.edge <= m.monetary')} AS monetary_score
  FROM metrics m CROSS JOIN transactions.customer_value_refresh r
  WHERE m.frequency > 0 AND r.customers_scored > 0
)`;

/**
 * Segment from R and F (M is reported but, as usual for RFM grids, does not name the segment):
 *   R\F   1            2            3            4          5
 *   5     new          potential    potential    champions  champions
 *   4     promising    potential    potential    loyal      loyal
 *   3     need att.    need att.    need att.    loyal      loyal
 *   2     hibernating  hibernating  at risk      at risk    can't lose
 *   1     lost         hibernating  at risk      at risk    can't lose
 * A buyer with no purchase in the window is LOST (no scores); unscored buyers get no segment.
 */
const SEGMENT = `CASE
    WHEN frequency = 0 THEN 'LOST'
    WHEN recency_score IS NULL OR frequency_score IS NULL THEN NULL
    WHEN recency_score = 5 AND frequency_score >= 4 THEN 'CHAMPIONS'
    WHEN recency_score >= 3 AND frequency_score >= 4 THEN 'LOYAL'
    WHEN recency_score >= 4 AND frequency_score >= 2 THEN 'POTENTIAL_LOYALIST'
    WHEN recency_score = 5 THEN 'NEW'
    WHEN recency_score = 4 THEN 'PROMISING'
    WHEN recency_score = 3 THEN 'NEED_ATTENTION'
    WHEN frequency_score = 5 THEN 'CANT_LOSE'
    WHEN frequency_score >= 3 THEN 'AT_RISK'
    WHEN recency_score = 1 AND frequency_score = 1 THEN 'LOST'
    ELSE 'HIBERNATING'
  END`;

/** Lifecycle thresholds: see LifecycleStage's description (value.enums.ts). */
const LIFECYCLE = `CASE
    WHEN order_count = 1 AND recency_days <= 90 THEN 'NEW'
    WHEN frequency = 0 THEN 'LAPSED'
    WHEN recency_days <= 2 * rhythm_days THEN 'ACTIVE'
    WHEN recency_days <= 4 * rhythm_days THEN 'AT_RISK'
    ELSE 'LAPSED'
  END`;

const VALUE_COLUMNS = `customer_id, currency, order_count, first_purchase_at, last_purchase_at, recency_days, frequency, monetary,
  recency_score, frequency_score, monetary_score, segment, historical_value, predicted_value, churn_risk, lifecycle_stage,
  window_days, scores_as_of, refreshed_at`;

/**
 * Derived values. Rhythm: the customer's mean days between purchases, or the base prior for
 * one-order customers, at least one day. Churn risk: 1 − exp(−days since last / rhythm).
 * Predicted value: average order value × purchases per year (the window's run rate) × expected
 * remaining lifetime in years.
 */
const VALUED_CTE = `
valued AS (
  SELECT m.*, s.recency_score, s.frequency_score, s.monetary_score, b.expected_lifetime_years, b.scores_as_of,
         greatest(coalesce(m.mean_interval_days, b.prior_interval_days), 1) AS rhythm_days
  FROM metrics m CROSS JOIN base b LEFT JOIN scores s USING (customer_id)
)`;

const INSERT_VALUES = `
INSERT INTO transactions.customer_value (${VALUE_COLUMNS})
SELECT customer_id, currency, order_count, first_purchase_at, last_purchase_at, recency_days, frequency, monetary,
       recency_score, frequency_score, monetary_score, ${SEGMENT}, historical_value,
       round((historical_value::float8 / order_count * frequency * 365.0 / $2::int * expected_lifetime_years)::numeric, 2),
       -- exp() of a very negative number underflows to an error in Postgres: past 700 the risk is 1 anyway.
       1 - exp(-LEAST(recency_days / rhythm_days, 700)), ${LIFECYCLE}, $2::int, scores_as_of, $1::timestamptz
FROM valued`;

const edgesOf = (column: string, pick: 'min' | 'max', score: string) =>
  `ARRAY[${[1, 2, 3, 4, 5].map((s) => `${pick}(${column}) FILTER (WHERE ${score} = ${s})`).join(', ')}]`;

/**
 * The full refresh in one statement (after the old rows are deleted): values for every buyer,
 * then the refresh record with the base parameters and the quintile edges (per score: the
 * worst value that earned it), which later per-customer refreshes score against.
 */
export const REFRESH_ALL = `
WITH ${metricsCtes('')}, ${FULL_BASE_CTE}, ${FULL_SCORES_CTE}, ${VALUED_CTE}, inserted AS (${INSERT_VALUES}
  RETURNING recency_days, frequency, monetary, recency_score, frequency_score, monetary_score
)
INSERT INTO transactions.customer_value_refresh AS r (singleton, refreshed_at, window_days, customers_valued, customers_scored,
  prior_interval_days, retention_rate, expected_lifetime_years, recency_edges, frequency_edges, monetary_edges, duration_ms)
SELECT true, $1::timestamptz, $2::int, count(*)::int, count(recency_score)::int,
       (SELECT prior_interval_days FROM base), (SELECT retention_rate FROM base), (SELECT expected_lifetime_years FROM base),
       ${edgesOf('recency_days', 'max', 'recency_score')}, ${edgesOf('frequency', 'min', 'frequency_score')}, ${edgesOf('monetary', 'min', 'monetary_score')}, 0
FROM inserted
ON CONFLICT (singleton) DO UPDATE SET
  refreshed_at = excluded.refreshed_at, window_days = excluded.window_days, customers_valued = excluded.customers_valued,
  customers_scored = excluded.customers_scored, prior_interval_days = excluded.prior_interval_days, retention_rate = excluded.retention_rate,
  expected_lifetime_years = excluded.expected_lifetime_years, recency_edges = excluded.recency_edges,
  frequency_edges = excluded.frequency_edges, monetary_edges = excluded.monetary_edges, duration_ms = excluded.duration_ms
RETURNING customers_valued, customers_scored`;

/** Some customers' rows ($5 their ids), against the last full refresh's parameters and edges. */
export const REFRESH_SOME = `
WITH ${metricsCtes('AND customer_id = ANY($5::uuid[])')}, ${STORED_BASE_CTE}, ${STORED_SCORES_CTE}, ${VALUED_CTE}${INSERT_VALUES}`;
