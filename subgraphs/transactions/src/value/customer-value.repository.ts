import type { DataSource } from 'typeorm';
import { CustomerTombstones } from '@c360/shared';
import { REFRESH_ALL, REFRESH_SOME } from './customer-value.sql';

/** One customer's stored value; null columns (customer_id aside) for a customer who never bought. */
export interface CustomerValueRow {
  customerId: string;
  currency: string | null;
  orderCount: number | null;
  recencyDays: number | null;
  frequency: number | null;
  monetary: number | null;
  recencyScore: number | null;
  frequencyScore: number | null;
  monetaryScore: number | null;
  segment: string | null;
  historicalValue: number | null;
  predictedValue: number | null;
  churnRisk: number | null;
  lifecycleStage: string | null;
  windowDays: number | null;
  scoresAsOf: Date | null;
  refreshedAt: Date | null;
  /** Time of the last full refresh: a prospect's value is as of then. */
  lastFullRefreshAt: Date | null;
}

export interface FullRefresh {
  customersValued: number;
  customersScored: number;
}

// Advisory lock keys: the full refresh takes BASE exclusively, a per-customer refresh shares it.
const BASE_LOCK = 'pg_advisory_xact_lock(1732300011, 0)';
const BASE_LOCK_SHARED = 'pg_advisory_xact_lock_shared(1732300011, 0)';
const CUSTOMER_LOCK_CLASS = 1732300012;
/** Hash joins and sorts over the whole base spill to disk at the default work_mem. */
const REFRESH_WORK_MEM = '64MB';

const DAY_MS = 86_400_000;
/** $1–$4 of every refresh statement (see customer-value.sql.ts). */
const windowParameters = (asOf: Date, windowDays: number) => [
  asOf.toISOString(),
  windowDays,
  new Date(asOf.getTime() - windowDays * DAY_MS).toISOString(),
  new Date(asOf.getTime() - 2 * windowDays * DAY_MS).toISOString(),
];

const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string | Date));
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The stored value columns of `ids.customer_id` (see VALUE_ROWS_OF_IDS), as toValueRow reads them. */
export const VALUE_ROW_COLUMNS = `ids.customer_id, v.currency, v.order_count, v.recency_days, v.frequency, v.monetary::float8 AS monetary,
       v.recency_score, v.frequency_score, v.monetary_score, v.segment, v.historical_value::float8 AS historical_value,
       v.predicted_value::float8 AS predicted_value, v.churn_risk, v.lifecycle_stage, v.window_days, v.scores_as_of, v.refreshed_at,
       r.refreshed_at AS last_full_refresh_at`;

/** One row per id of the uuid[] parameter $1, with its stored value (if any) and the last full refresh. */
export const VALUE_ROWS_OF_IDS = `unnest($1::uuid[]) AS ids(customer_id)
       LEFT JOIN transactions.customer_value v ON v.customer_id = ids.customer_id
       LEFT JOIN transactions.customer_value_refresh r ON true`;

/** A row of VALUE_ROW_COLUMNS (from the driver, or as JSON: numbers and times read alike). */
export function toValueRow(r: Record<string, unknown>): CustomerValueRow {
  return {
    customerId: r.customer_id as string,
    currency: (r.currency as string | null) ?? null,
    orderCount: num(r.order_count),
    recencyDays: num(r.recency_days),
    frequency: num(r.frequency),
    monetary: num(r.monetary),
    recencyScore: num(r.recency_score),
    frequencyScore: num(r.frequency_score),
    monetaryScore: num(r.monetary_score),
    segment: (r.segment as string | null) ?? null,
    historicalValue: num(r.historical_value),
    predictedValue: num(r.predicted_value),
    churnRisk: num(r.churn_risk),
    lifecycleStage: (r.lifecycle_stage as string | null) ?? null,
    windowDays: num(r.window_days),
    scoresAsOf: date(r.scores_as_of),
    refreshedAt: date(r.refreshed_at),
    lastFullRefreshAt: date(r.last_full_refresh_at),
  };
}

/** All SQL of the value analysis. Every refresh runs in one transaction, so readers see old or new rows, never a mix. */
export class CustomerValueRepository {
  constructor(private readonly dataSource: DataSource) {}

  async refreshAll(asOf: Date, windowDays: number): Promise<FullRefresh & { durationMs: number }> {
    const started = performance.now();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT ${BASE_LOCK}, set_config('work_mem', '${REFRESH_WORK_MEM}', true)`);
      await manager.query('DELETE FROM transactions.customer_value');
      const [counts] = await manager.query(REFRESH_ALL, windowParameters(asOf, windowDays));
      const durationMs = Math.round(performance.now() - started);
      await manager.query('UPDATE transactions.customer_value_refresh SET duration_ms = $1', [durationMs]);
      return { customersValued: counts.customers_valued as number, customersScored: counts.customers_scored as number, durationMs };
    });
  }

  /** Recomputes these customers' rows; serialised per customer so a late, older computation never overwrites a newer one. */
  async refreshSome(customerIds: readonly string[], asOf: Date, windowDays: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT ${BASE_LOCK_SHARED}`);
      await manager.query(
        `SELECT pg_advisory_xact_lock(${CUSTOMER_LOCK_CLASS}, k.h) FROM (SELECT DISTINCT hashtext(id) AS h FROM unnest($1::text[]) AS id ORDER BY 1) k`,
        [customerIds],
      );
      // Serialised with an erasure of these customers (its lock and tombstone): a refresh started before it never re-creates an erased customer's row.
      const erased = new Set(await new CustomerTombstones(this.dataSource, 'transactions').erasedAmongWithin(manager, customerIds));
      const living = customerIds.filter((id) => !erased.has(id));
      if (living.length === 0) return;
      await manager.query('DELETE FROM transactions.customer_value WHERE customer_id = ANY($1::uuid[])', [living]);
      await manager.query(REFRESH_SOME, [...windowParameters(asOf, windowDays), living]);
    });
  }

  async hasEverRefreshed(): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM transactions.customer_value_refresh');
    return rows.length > 0;
  }

  /** One row per requested id, in one statement. */
  async values(customerIds: readonly string[]): Promise<CustomerValueRow[]> {
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(`SELECT ${VALUE_ROW_COLUMNS} FROM ${VALUE_ROWS_OF_IDS}`, [customerIds]);
    return raw.map(toValueRow);
  }
}
