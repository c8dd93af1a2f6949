import type { MigrationInterface, QueryRunner } from 'typeorm';
import { consentEventHash, GENESIS_HASH } from '../ledger/ledger-hash';

const BACKFILL_CHUNK = 5000;

/** Hash-chains the consent ledger per customer, and lets a purpose require a minimum notice version. */
export class ChainConsentLedger1732300013000 implements MigrationInterface {
  name = 'ChainConsentLedger1732300013000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A purpose can only require a notice version that was published (composite key onto notice).
    await queryRunner.query(`ALTER TABLE consent.purpose ADD COLUMN required_notice_version int`);
    await queryRunner.query(`
      ALTER TABLE consent.purpose ADD CONSTRAINT purpose_required_notice_fk
      FOREIGN KEY (code, required_notice_version) REFERENCES consent.notice (purpose_code, version)`);
    await queryRunner.query(`ALTER TABLE consent.consent_event ADD COLUMN prev_hash text, ADD COLUMN hash text`);
    await this.backfill(queryRunner);
    await queryRunner.query(`ALTER TABLE consent.consent_event ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE consent.consent_event
        ADD CONSTRAINT consent_event_hash_format CHECK (hash ~ '^[0-9a-f]{64}$' AND prev_hash ~ '^[0-9a-f]{64}$'),
        ADD CONSTRAINT consent_event_no_fork UNIQUE (customer_id, prev_hash)`);
  }

  /** Chains the rows already there in seq order; the append-only trigger is off only inside this transaction. */
  private async backfill(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE consent.consent_event DISABLE TRIGGER consent_event_append_only`);
    const heads = new Map<string, string>();
    for (let after = 0; ; ) {
      const rows: Record<string, unknown>[] = await queryRunner.query(
        `SELECT id, seq, customer_id, purpose_code, partner_id, status, notice_version, channel, client_id, recorded_at
         FROM consent.consent_event WHERE seq > $1 ORDER BY seq LIMIT ${BACKFILL_CHUNK}`,
        [after],
      );
      if (rows.length === 0) break;
      const links = rows.map((r) => {
        const customerId = r.customer_id as string;
        const prevHash = heads.get(customerId) ?? GENESIS_HASH;
        const hash = consentEventHash(
          {
            id: r.id as string,
            seq: Number(r.seq),
            customerId,
            purposeCode: r.purpose_code as string,
            partnerId: (r.partner_id as string | null) ?? null,
            status: r.status as string,
            noticeVersion: (r.notice_version as number | null) ?? null,
            channel: r.channel as string,
            clientId: r.client_id as string,
            recordedAt: new Date(r.recorded_at as string | Date),
          },
          prevHash,
        );
        heads.set(customerId, hash);
        return { id: r.id, prev_hash: prevHash, hash };
      });
      await queryRunner.query(
        `UPDATE consent.consent_event e SET prev_hash = l.prev_hash, hash = l.hash
         FROM jsonb_to_recordset($1::jsonb) AS l(id uuid, prev_hash text, hash text) WHERE e.id = l.id`,
        [JSON.stringify(links)],
      );
      after = Number(rows[rows.length - 1].seq);
    }
    await queryRunner.query(`ALTER TABLE consent.consent_event ENABLE TRIGGER consent_event_append_only`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE consent.consent_event DROP CONSTRAINT consent_event_no_fork, DROP CONSTRAINT consent_event_hash_format`);
    await queryRunner.query(`ALTER TABLE consent.consent_event DROP COLUMN hash, DROP COLUMN prev_hash`);
    await queryRunner.query(`ALTER TABLE consent.purpose DROP CONSTRAINT purpose_required_notice_fk, DROP COLUMN required_notice_version`);
  }
}
