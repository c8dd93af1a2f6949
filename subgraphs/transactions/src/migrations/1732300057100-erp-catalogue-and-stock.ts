import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ERP becomes the source of truth for the catalogue and stock (see README, "Catalogue and stock").
 * - product.active: the ERP retires products instead of deleting them (order lines reference them).
 * - product.stock_as_of / stock_erp_level: the last ERP level applied and the time it counts as of;
 *   product.stock_level becomes a cache of "that level + every ledger entry after it" and may go
 *   below zero when the CRM recorded more sales than the ERP counted.
 * - stock_movement: one ledger of ERP movements, CRM sales and cancellations, keyed for idempotency.
 * - stock_snapshot: ERP snapshots received, so a replayed snapshot id changes nothing.
 * - product_price_history: the price in force from a time on, so back-dated orders are priced as then.
 * The existing level counts as a level as of now; existing non-cancelled orders become SALE entries.
 */
export class ErpCatalogueAndStock1732300057100 implements MigrationInterface {
  name = 'ErpCatalogueAndStock1732300057100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE transactions.product
        DROP CONSTRAINT product_stock_level_check,
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN stock_as_of timestamptz(3),
        ADD COLUMN stock_erp_level integer`);
    await queryRunner.query(`UPDATE transactions.product SET stock_as_of = now(), stock_erp_level = stock_level`);
    await queryRunner.query(`
      CREATE TABLE transactions.stock_movement (
        movement_key text PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('ERP_MOVEMENT', 'SALE', 'CANCELLATION')),
        sku text NOT NULL REFERENCES transactions.product (sku),
        delta integer NOT NULL,
        occurred_at timestamptz(3) NOT NULL,
        recorded_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX stock_movement_tail ON transactions.stock_movement (sku, occurred_at)`);
    await queryRunner.query(`
      INSERT INTO transactions.stock_movement (movement_key, source, sku, delta, occurred_at, recorded_at)
      SELECT 'sale:' || o.id || ':' || l.sku, 'SALE', l.sku, -sum(l.quantity)::int, o.occurred_at, o.recorded_at
      FROM transactions.customer_order o JOIN transactions.order_line l ON l.order_id = o.id
      WHERE o.status <> 'CANCELLED'
      GROUP BY o.id, l.sku, o.occurred_at, o.recorded_at`);
    await queryRunner.query(`
      CREATE TABLE transactions.stock_snapshot (
        snapshot_id text PRIMARY KEY,
        as_of timestamptz(3) NOT NULL,
        levels_digest text NOT NULL,
        levels integer NOT NULL,
        applied integer NOT NULL,
        received_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE transactions.product_price_history (
        sku text NOT NULL REFERENCES transactions.product (sku),
        valid_from timestamptz(3) NOT NULL,
        price numeric(12,2) NOT NULL CHECK (price >= 0),
        currency char(3) NOT NULL,
        PRIMARY KEY (sku, valid_from)
      )`);
    await queryRunner.query(`INSERT INTO transactions.product_price_history (sku, valid_from, price, currency) SELECT sku, updated_at, price, currency FROM transactions.product`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE transactions.product_price_history`);
    await queryRunner.query(`DROP TABLE transactions.stock_snapshot`);
    await queryRunner.query(`DROP TABLE transactions.stock_movement`);
    // Levels below zero cannot satisfy the old constraint: they go back as sold out.
    await queryRunner.query(`UPDATE transactions.product SET stock_level = 0 WHERE stock_level < 0`);
    await queryRunner.query(`
      ALTER TABLE transactions.product
        DROP COLUMN stock_erp_level,
        DROP COLUMN stock_as_of,
        DROP COLUMN active,
        ADD CONSTRAINT product_stock_level_check CHECK (stock_level >= 0)`);
  }
}
