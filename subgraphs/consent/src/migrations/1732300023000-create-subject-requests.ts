import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Data-subject requests (access, erasure) and their progress per subgraph, so a restart can resume them. */
export class CreateSubjectRequests1732300023000 implements MigrationInterface {
  name = 'CreateSubjectRequests1732300023000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consent.subject_request (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('ACCESS', 'ERASURE')),
        status text NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
        requested_by text NOT NULL,
        requested_at timestamptz(3) NOT NULL,
        completed_at timestamptz(3),
        access_document jsonb
      )`);
    await queryRunner.query(`COMMENT ON COLUMN consent.subject_request.access_document IS 'Personal data: the portable export of an access request; removed by erasure'`);
    await queryRunner.query(`CREATE INDEX subject_request_by_customer ON consent.subject_request (customer_id, requested_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE consent.subject_request_part (
        request_id uuid NOT NULL REFERENCES consent.subject_request (id) ON DELETE CASCADE,
        subgraph text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
        attempts int NOT NULL DEFAULT 0,
        round_attempts int NOT NULL DEFAULT 0,
        reason text,
        next_attempt_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL,
        result jsonb,
        PRIMARY KEY (request_id, subgraph)
      )`);
    await queryRunner.query(`COMMENT ON COLUMN consent.subject_request_part.result IS 'Access: that subgraph export (personal data) until the document is assembled; erasure: row counts only'`);
    await queryRunner.query(`CREATE INDEX subject_request_part_open ON consent.subject_request_part (request_id) WHERE status <> 'DONE'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consent.subject_request_part`);
    await queryRunner.query(`DROP TABLE consent.subject_request`);
  }
}
