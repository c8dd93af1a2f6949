import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { pgliteDriverFor } from './pglite-pool';
import { RequestCancellingClient } from './request-cancelling-client';
import { countingLogger } from './statement-counter';
import type { Storage } from './storage';

export interface ServiceDataSourceOptions {
  /** Service name, used in logs and statement counts. */
  service: string;
  /** The Postgres schema this service owns. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/** A TypeORM DataSource for one service: its own schema, migrations only (never synchronize). */
export function createServiceDataSource(storage: Storage, options: ServiceDataSourceOptions): DataSource {
  const common = {
    type: 'postgres' as const,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    installExtensions: false,
    logger: countingLogger(options.service),
    logging: true,
  };
  if (storage.kind === 'postgres') {
    // pg returns bigint as a string by default; PGlite returns a number. Make both numbers.
    return new DataSource({ ...common, parseInt8: true, url: storage.url, poolSize: options.poolSize ?? 10, applicationName: `c360-${options.service}`, extra: { statement_timeout: storage.statementTimeoutMs, Client: RequestCancellingClient } });
  }
  // PGlite is one embedded connection with no cancel: an abandoned request's statements run to their end there.
  return new DataSource({ ...common, driver: pgliteDriverFor(storage.db, storage.lock) });
}

/** Connects, makes sure the service's schema exists and applies pending migrations. */
export async function openServiceDataSource(storage: Storage, options: ServiceDataSourceOptions): Promise<DataSource> {
  const dataSource = createServiceDataSource(storage, options);
  await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
