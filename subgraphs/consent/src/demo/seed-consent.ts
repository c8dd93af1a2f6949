import type { DataSource } from 'typeorm';
import { bulkInsert, type DemoOptions } from '@c360/shared';
import { appendChainedEvents } from '../ledger/chained-batch';
import { DEMO_REQUIRED_NOTICE_VERSIONS, demoCatalogue } from './demo-catalogue';
import { demoConsentLedger } from './demo-ledger';

/**
 * Loads the demo notices (for the purposes the schema installed) and partners when there are
 * none, and the demo consent ledger when the ledger is empty, in one transaction.
 */
export async function seedConsentDemoData(dataSource: DataSource, options: DemoOptions): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const [{ notices, partners, events }] = await manager.query(
      `SELECT (SELECT count(*)::int FROM consent.notice) AS notices, (SELECT count(*)::int FROM consent.partner) AS partners,
              (SELECT count(*)::int FROM consent.consent_event) AS events`,
    );
    if (notices > 0 && partners > 0 && events > 0) return false;
    const catalogue = demoCatalogue(options, await manager.query(`SELECT code, name, description FROM consent.purpose`));
    if (notices === 0) {
      await bulkInsert(manager, 'consent.notice', { id: 'uuid', purpose_code: 'text', version: 'int', title: 'text', summary: 'text', published_at: 'timestamptz' }, catalogue.notices);
      // After the notices, which the requirement references.
      for (const [code, version] of Object.entries(DEMO_REQUIRED_NOTICE_VERSIONS)) {
        await manager.query('UPDATE consent.purpose SET required_notice_version = $2 WHERE code = $1', [code, version]);
      }
    }
    if (partners === 0) {
      await bulkInsert(manager, 'consent.partner', { id: 'text', name: 'text', description: 'text', active: 'boolean', created_at: 'timestamptz' }, catalogue.partners);
    }
    if (events === 0) {
      // Appended in time order, so the ledger order (seq) agrees with recorded_at; each event is hash-chained.
      await appendChainedEvents(manager, demoConsentLedger(options));
    }
    return true;
  });
}
