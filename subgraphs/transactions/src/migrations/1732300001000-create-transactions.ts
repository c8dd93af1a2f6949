import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTransactions1732300001000 implements MigrationInterface {
  name = 'CreateTransactions1732300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transactions.product (
        sku text PRIMARY KEY,
        name text NOT NULL,
        category text NOT NULL,
        price numeric(12,2) NOT NULL CHECK (price >= 0),
        currency char(3) NOT NULL,
        stock_level integer NOT NULL CHECK (stock_level >= 0),
        updated_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX product_category_keyset ON transactions.product (category, sku)`);
    await queryRunner.query(`
      CREATE TABLE transactions.customer_order (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        total numeric(12,2) NOT NULL,
        currency char(3) NOT NULL,
        channel text NOT NULL,
        status text NOT NULL CHECK (status IN ('COMPLETED', 'REFUNDED', 'CANCELLED')),
        occurred_at timestamptz(3) NOT NULL,
        source_system text NOT NULL,
        external_id text NOT NULL,
        recorded_at timestamptz(3) NOT NULL,
        CONSTRAINT customer_order_external_key UNIQUE (source_system, external_id)
      )`);
    await queryRunner.query(`CREATE INDEX customer_order_history ON transactions.customer_order (customer_id, occurred_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE transactions.order_line (
        order_id uuid NOT NULL REFERENCES transactions.customer_order (id) ON DELETE CASCADE,
        line_no smallint NOT NULL,
        sku text NOT NULL REFERENCES transactions.product (sku),
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price numeric(12,2) NOT NULL CHECK (unit_price >= 0),
        line_total numeric(12,2) NOT NULL,
        PRIMARY KEY (order_id, line_no)
      )`);
    await queryRunner.query(`CREATE INDEX order_line_sku ON transactions.order_line (sku)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE transactions.order_line`);
    await queryRunner.query(`DROP TABLE transactions.customer_order`);
    await queryRunner.query(`DROP TABLE transactions.product`);
  }
}
