import type { DataSource } from 'typeorm';
import { bulkInsert, type DemoOptions } from '@c360/shared';
import { appendChainedEvents } from '../ledger/chained-batch';
import { DEMO_REQUIRED_NOTICE_VERSIONS, demoCatalogue } from './demo-catalogue';
import { demoConsentLedger } from './demo-ledger';

/**
 * Loads the purpose catalogue, notices and partners when the catalogue is empty, and the
 * demo consent ledger when the ledger is empty, in one transaction.
 */
export async function seedConsentDemoData(dataSource: DataSource, options: DemoOptions): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const [{ purposes, events }] = await manager.query(
      'SELECT (SELECT count(*)::int FROM consent.purpose) AS purposes, (SELECT count(*)::int FROM consent.consent_event) AS events',
    );
    if (purposes > 0 && events > 0) return false;
    if (purposes === 0) {
      const catalogue = demoCatalogue(options);
      await bulkInsert(manager, 'consent.purpose', { code: 'text', name: 'text', description: 'text', legal_basis: 'text', partner_scoped: 'boolean', created_at: 'timestamptz' }, catalogue.purposes);
      await bulkInsert(manager, 'consent.notice', { id: 'uuid', purpose_code: 'text', version: 'int', title: 'text', summary: 'text', published_at: 'timestamptz' }, catalogue.notices);
      await bulkInsert(manager, 'consent.partner', { id: 'text', name: 'text', description: 'text', active: 'boolean', created_at: 'timestamptz' }, catalogue.partners);
      // After the notices, which the requirement references.
      for (const [code, version] of Object.entries(DEMO_REQUIRED_NOTICE_VERSIONS)) {
        await manager.query('UPDATE consent.purpose SET required_notice_version = $2 WHERE code = $1', [code, version]);
      }
    }
    if (events === 0) {
      // Appended in time order, so the ledger order (seq) agrees with recorded_at; each event is hash-chained.
      await appendChainedEvents(manager, demoConsentLedger(options));
    }
    return true;
  });
}
