import type { DataSource } from 'typeorm';
import { CustomerDimension } from './customer-dimension';

export interface CustomerGroup {
  key: string;
  customers: number;
}

/** The SEGMENT dimension's fixed keys beside segment names; segment.service refuses these as names so groups never merge. */
export const NO_SEGMENT_KEY = 'NO_SEGMENT';
export const PROFILING_WITHHELD_KEY = 'PROFILING_WITHHELD';

/** Fixed SQL per dimension: the argument picks one of these, never text from the caller. */
const KEY: Record<Exclude<CustomerDimension, CustomerDimension.SEGMENT>, string> = {
  [CustomerDimension.ACQUISITION_CHANNEL]: 'c.acquisition_channel',
  [CustomerDimension.COUNTRY]: "coalesce(c.country_code, 'UNKNOWN')",
  [CustomerDimension.REGION]: "coalesce(c.region, 'UNKNOWN')",
  [CustomerDimension.SIGNUP_MONTH]: "to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM')",
};

/** Customer counts grouped in one statement; no row of personal data leaves the database. */
export class CustomerAggregateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `onlyIds` null counts every customer. */
  countBy(dimension: Exclude<CustomerDimension, CustomerDimension.SEGMENT>, onlyIds: string[] | null): Promise<CustomerGroup[]> {
    return this.dataSource.query(
      `SELECT ${KEY[dimension]} AS key, count(*)::int AS customers
         FROM customers.customer c
        WHERE $1::uuid[] IS NULL OR c.id = ANY($1::uuid[])
        GROUP BY 1
        ORDER BY 1`,
      [onlyIds],
    );
  }

  /**
   * Customers per segment (members of its current version): `profiled` null means everyone may
   * be grouped by segment; the others are counted under PROFILING_WITHHELD. A customer counts in
   * at most `maxSegmentsPerCustomer` segments (a stable pseudo-random pick), bounding what one customer moves.
   */
  countBySegment(onlyIds: string[] | null, profiled: string[] | null, maxSegmentsPerCustomer: number): Promise<CustomerGroup[]> {
    return this.dataSource.query(
      `WITH counted AS (
         SELECT c.id, ($2::uuid[] IS NULL OR c.id = ANY($2::uuid[])) AS profiled
           FROM customers.customer c
          WHERE $1::uuid[] IS NULL OR c.id = ANY($1::uuid[])
       ), current_member AS (
         SELECT m.customer_id, s.name,
                row_number() OVER (PARTITION BY m.customer_id ORDER BY md5(m.customer_id::text || s.id::text)) AS nth
           FROM customers.segment_member m JOIN customers.segment s ON s.id = m.segment_id AND s.current_version = m.version
       )
       SELECT CASE WHEN NOT counted.profiled THEN '${PROFILING_WITHHELD_KEY}' ELSE coalesce(cm.name, '${NO_SEGMENT_KEY}') END AS key,
              count(DISTINCT counted.id)::int AS customers
         FROM counted
         LEFT JOIN current_member cm ON counted.profiled AND cm.customer_id = counted.id AND cm.nth <= $3
        GROUP BY 1
        ORDER BY 1`,
      [onlyIds, profiled, maxSegmentsPerCustomer],
    );
  }
}
