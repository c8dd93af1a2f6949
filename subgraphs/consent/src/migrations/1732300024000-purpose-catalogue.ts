import type { MigrationInterface, QueryRunner } from 'typeorm';

const ALL = ['IDENTITY', 'CONTACT', 'LOCATION', 'DEMOGRAPHIC', 'FINANCIAL', 'BEHAVIOURAL'];

/**
 * The baseline purpose catalogue, as it stood when this migration was written (kept here, frozen:
 * later purposes come through `definePurpose` or a new migration). Every deployment starts with
 * it, so callers declaring these purposes are decided from the first request, demo data or not.
 */
const BASELINE = [
  { code: 'SERVICE', name: 'Service delivery', description: 'Delivering orders and servicing the customer relationship', basis: 'CONTRACT', categories: ALL },
  { code: 'FRAUD_PREVENTION', name: 'Fraud prevention', description: 'Preventing fraud and securing accounts', basis: 'LEGITIMATE_INTEREST', categories: ALL },
  { code: 'MARKETING', name: 'Marketing communications', description: 'Sending offers and news by email, SMS or post', basis: 'CONSENT', categories: ['CONTACT', 'IDENTITY', 'DEMOGRAPHIC', 'BEHAVIOURAL'] },
  { code: 'PERSONALISATION', name: 'Personalisation', description: 'Tailoring offers and content to the customer', basis: 'CONSENT', categories: ['BEHAVIOURAL', 'FINANCIAL', 'DEMOGRAPHIC', 'IDENTITY'] },
  { code: 'PROFILING', name: 'Profiling', description: 'Computing value scores and segments about the customer', basis: 'CONSENT', categories: ['FINANCIAL', 'BEHAVIOURAL', 'DEMOGRAPHIC'] },
  { code: 'ANALYTICS', name: 'Analytics', description: 'Including the customer in aggregate business analytics', basis: 'CONSENT', categories: ['FINANCIAL', 'BEHAVIOURAL', 'DEMOGRAPHIC', 'LOCATION'] },
  { code: 'PARTNER_SHARING', name: 'Sharing with partners', description: 'Sharing data with a named partner for their offers', basis: 'CONSENT', categories: ['IDENTITY', 'CONTACT', 'DEMOGRAPHIC'] },
];

/**
 * Which personal-data categories a purpose covers becomes data (it was a map in code), and the
 * baseline catalogue is installed by the schema instead of only by the demo seed: without it a
 * production deployment knew no purpose, so every caller was denied.
 */
export class PurposeCatalogue1732300024000 implements MigrationInterface {
  name = 'PurposeCatalogue1732300024000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE consent.purpose ADD COLUMN data_categories text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE consent.purpose ADD CONSTRAINT purpose_data_categories_known CHECK (data_categories <@ ARRAY[${ALL.map((c) => `'${c}'`).join(', ')}]::text[])`);
    for (const p of BASELINE) {
      // Existing rows (demo-seeded databases) keep their texts and gain their categories.
      await queryRunner.query(
        `INSERT INTO consent.purpose (code, name, description, legal_basis, partner_scoped, data_categories, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::text[], now())
         ON CONFLICT (code) DO UPDATE SET data_categories = EXCLUDED.data_categories`,
        [p.code, p.name, p.description, p.basis, p.code === 'PARTNER_SHARING', p.categories],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The baseline rows stay: notices and ledger events may reference them.
    await queryRunner.query(`ALTER TABLE consent.purpose DROP CONSTRAINT purpose_data_categories_known, DROP COLUMN data_categories`);
  }
}
