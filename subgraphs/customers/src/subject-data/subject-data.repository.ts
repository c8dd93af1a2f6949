import type { DataSource, EntityManager } from 'typeorm';
import { closeCustomerGate, CustomerTombstones, keyedTombstone, lockCustomers, shareCustomerGate } from '@c360/shared';
import { CustomerEntity } from '../customer/customer.entity';
import { MergeRepository } from '../merge/merge.repository';
import { purgeCustomerEvents, recordEvent } from '@c360/shared';

export interface ExternalIdPair {
  system: string;
  id: string;
}

/** A segment the customer is a member of (its current version, as last evaluated). */
export interface SegmentMembershipExport {
  segmentId: string;
  name: string;
  version: number;
}

export interface CustomerErasureRows {
  tombstoned: number;
  tombstonedId: number;
  interactions: number;
  externalIds: number;
  segmentMemberships: number;
  profiles: number;
}

const count = async (manager: EntityManager, sql: string, params: unknown[]): Promise<number> => {
  const [row]: { n: number }[] = await manager.query(`WITH changed AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM changed`, params);
  return row.n;
};

/** All SQL for a customer's data-subject requests: export, erasure, tombstones. */
export class CustomerSubjectDataRepository {
  private key?: Promise<string>;
  private readonly tombstones: CustomerTombstones;

  constructor(private readonly dataSource: DataSource) {
    this.tombstones = new CustomerTombstones(dataSource, 'customers');
  }

  profileOf(customerId: string): Promise<CustomerEntity | null> {
    return this.dataSource.getRepository(CustomerEntity).findOneBy({ id: customerId });
  }

  externalIdsOf(customerId: string): Promise<ExternalIdPair[]> {
    return this.dataSource.query(`SELECT system, external_id AS id FROM customers.external_identity WHERE customer_id = $1 ORDER BY system, external_id`, [customerId]);
  }

  /** With the source system's id of an imported interaction: it is data about the subject too. */
  interactionsOf(customerId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT id, channel, kind, type, occurred_at AS "occurredAt", attributes, source_system AS "sourceSystem", external_id AS "externalId" FROM customers.interaction WHERE customer_id = $1 ORDER BY occurred_at, id`,
      [customerId],
    );
  }

  /** Profiling output: the segments whose current version the customer is a member of. */
  async segmentsOf(customerId: string): Promise<SegmentMembershipExport[]> {
    const rows: { segment_id: string; name: string; version: number }[] = await this.dataSource.query(
      `SELECT s.id AS segment_id, s.name, s.current_version AS version
         FROM customers.segment_member m JOIN customers.segment s ON s.id = m.segment_id AND s.current_version = m.version
        WHERE m.customer_id = $1
        ORDER BY s.name, s.id`,
      [customerId],
    );
    return rows.map((r) => ({ segmentId: r.segment_id, name: r.name, version: Number(r.version) }));
  }

  /**
   * Tombstones the customer's external ids, then deletes interactions, identities and profile
   * (segment memberships go with the profile, by cascade: counted just before), in one transaction
   * under the customer's lock (taken by the customer-id tombstone, as every interaction write does).
   */
  erase(customerId: string, now: Date): Promise<CustomerErasureRows> {
    return this.dataSource.transaction(async (manager) => {
      // First: no import batch of this subgraph is between its checks and its commit (the customer gate).
      await closeCustomerGate((sql, params) => manager.query(sql, params), 'customers');
      const aliases: { alias_id: string }[] = await manager.query(`SELECT alias_id FROM customers.customer_alias WHERE survivor_id = $1`, [customerId]);
      // Every id's lock at once, in the one sorted order, before the tombstones take them one by one.
      await lockCustomers(manager, [customerId, ...aliases.map((a) => a.alias_id)]);
      const tombstonedId = (await this.tombstones.record(manager, customerId, now)) + (await new MergeRepository(this.dataSource).eraseMerged(manager, customerId, this.tombstones, now));
      const purged = await purgeCustomerEvents(manager, [customerId, ...aliases.map((a) => a.alias_id)]);
      const ids: ExternalIdPair[] = await manager.query(`SELECT system, external_id AS id FROM customers.external_identity WHERE customer_id = $1`, [customerId]);
      const hashes = await this.hashes(ids, manager);
      const tombstoned = await count(
        manager,
        `INSERT INTO customers.erased_identity (identity_hash, erased_at) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`,
        [hashes, now],
      );
      const interactions = await count(manager, `DELETE FROM customers.interaction WHERE customer_id = $1`, [customerId]);
      const externalIds = await count(manager, `DELETE FROM customers.external_identity WHERE customer_id = $1`, [customerId]);
      const [members]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM customers.segment_member WHERE customer_id = $1`, [customerId]);
      const profiles = await count(manager, `DELETE FROM customers.customer WHERE id = $1`, [customerId]);
      // After any dropped event a dispatcher may still be delivering: a notice never overtakes the data it asks to delete.
      await recordEvent(manager, { type: 'customer.erased', customerId, payload: { customerId }, occurredAt: now, notBefore: purged.noticeNotBefore });
      return { tombstoned, tombstonedId, interactions, externalIds, segmentMemberships: members.n, profiles };
    });
  }

  /** The given customer ids that were erased here. */
  erasedCustomersAmong(customerIds: readonly string[]): Promise<string[]> {
    return this.tombstones.erasedAmong(customerIds);
  }

  /** First in an interaction-writing transaction: locks the customer, then reads its tombstone. */
  async isErasedWithin(manager: EntityManager, customerId: string): Promise<boolean> {
    return (await this.tombstones.erasedAmongWithin(manager, [customerId])).length > 0;
  }

  /** The given external ids that belonged to an erased customer. */
  async erasedAmong(ids: readonly ExternalIdPair[]): Promise<ExternalIdPair[]> {
    if (ids.length === 0) return [];
    const hashes = await this.hashes(ids);
    const rows: { identity_hash: string }[] = await this.dataSource.query(`SELECT identity_hash FROM customers.erased_identity WHERE identity_hash = ANY($1::text[])`, [hashes]);
    const erased = new Set(rows.map((r) => r.identity_hash));
    return ids.filter((_, i) => erased.has(hashes[i]));
  }

  /** The same, first in a transaction adding external ids: shares the customer gate, then reads the tombstones through it. */
  async erasedAmongWithin(manager: EntityManager, ids: readonly ExternalIdPair[]): Promise<ExternalIdPair[]> {
    if (ids.length === 0) return [];
    await shareCustomerGate((sql, params) => manager.query(sql, params), 'customers');
    const hashes = await this.hashes(ids, manager);
    const rows: { identity_hash: string }[] = await manager.query(`SELECT identity_hash FROM customers.erased_identity WHERE identity_hash = ANY($1::text[])`, [hashes]);
    const erased = new Set(rows.map((r) => r.identity_hash));
    return ids.filter((_, i) => erased.has(hashes[i]));
  }

  /** Each external id's tombstone hash, in order (an import re-checks them inside its batch's transaction). */
  identityHashes(ids: readonly ExternalIdPair[]): Promise<string[]> {
    return this.hashes(ids);
  }

  /** Inside a transaction the key is read through it: on PGlite a second connection would wait for the first forever. */
  private async hashes(ids: readonly ExternalIdPair[], runner: DataSource | EntityManager = this.dataSource): Promise<string[]> {
    this.key ??= runner.query(`SELECT key FROM customers.erasure_key`).then((rows: { key: string }[]) => rows[0].key);
    const key = await this.key.catch((error) => {
      this.key = undefined;
      throw error;
    });
    return ids.map((e) => keyedTombstone(key, e.system, e.id));
  }
}
