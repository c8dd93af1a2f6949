import type { DataSource } from 'typeorm';
import { CustomerDimension } from './customer-dimension';

export interface CustomerGroup {
  key: string;
  customers: number;
}

/** Fixed SQL per dimension: the argument picks one of these, never text from the caller. */
const KEY: Record<CustomerDimension, string> = {
  [CustomerDimension.ACQUISITION_CHANNEL]: 'c.acquisition_channel',
  [CustomerDimension.COUNTRY]: "coalesce(c.country_code, 'UNKNOWN')",
  [CustomerDimension.REGION]: "coalesce(c.region, 'UNKNOWN')",
  [CustomerDimension.SIGNUP_MONTH]: "to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM')",
};

/** Customer counts grouped in one statement; no row of personal data leaves the database. */
export class CustomerAggregateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `onlyIds` null counts every customer. */
  countBy(dimension: CustomerDimension, onlyIds: string[] | null): Promise<CustomerGroup[]> {
    return this.dataSource.query(
      `SELECT ${KEY[dimension]} AS key, count(*)::int AS customers
         FROM customers.customer c
        WHERE $1::uuid[] IS NULL OR c.id = ANY($1::uuid[])
        GROUP BY 1
        ORDER BY 1`,
      [onlyIds],
    );
  }
}
