import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Segment sizes over time: one row per evaluation that changed a segment's size (or its version),
 * plus one a day while it stays the same, so a chart can show a true history rather than a size
 * per version. Kept for SEGMENT_SIZE_HISTORY_DAYS; only counts, no customer ids.
 */
export class CreateSegmentSizeHistory1732300160000 implements MigrationInterface {
  name = 'CreateSegmentSizeHistory1732300160000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customers.segment_size (
        segment_id uuid NOT NULL,
        version integer NOT NULL,
        recorded_at timestamptz(3) NOT NULL,
        member_count integer NOT NULL CHECK (member_count >= 0),
        PRIMARY KEY (segment_id, recorded_at),
        FOREIGN KEY (segment_id, version) REFERENCES customers.segment_version (segment_id, version) ON DELETE CASCADE
      )`);
    // The retention sweep deletes by time across all segments.
    await queryRunner.query(`CREATE INDEX segment_size_recorded_at ON customers.segment_size (recorded_at)`);
    // Each version's last evaluation is the history known so far.
    await queryRunner.query(`
      INSERT INTO customers.segment_size (segment_id, version, recorded_at, member_count)
      SELECT segment_id, version, evaluated_at, member_count FROM customers.segment_version
      WHERE evaluated_at IS NOT NULL AND member_count IS NOT NULL
      ON CONFLICT DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customers.segment_size`);
  }
}
