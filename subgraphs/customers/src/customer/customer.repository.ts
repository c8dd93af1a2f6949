import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { CustomerEntity } from './customer.entity';
import { ExternalIdentityEntity } from './external-identity.entity';
import type { FilterReleases } from './customer-filter.privacy';

/** `predicate`, matched only by the released customers when the predicate reads a withheld category. */
const released = (predicate: string, ids: readonly string[] | undefined, name: string) => (ids === undefined ? predicate : `(${predicate} AND c.id = ANY(CAST(:${name} AS uuid[])))`);

export interface CustomerListQuery {
  size: number;
  after?: readonly [string, string];
  search?: string | null;
  acquisitionChannel?: string | null;
  countryCode?: string | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
  /** Whether to count the whole filtered list (a count(*) over it); 0 is returned otherwise. */
  withTotalCount?: boolean;
  /** Restricts the list (and its count) to these customers. */
  onlyIds?: string[];
  /** Who each personal predicate may match (see customer-filter.privacy.ts); absent = whoever matches. */
  releases?: FilterReleases;
}

export type NewCustomer = Omit<CustomerEntity, 'id' | 'createdAt' | 'updatedAt' | 'externalIds'>;

/** All SQL for customers and their external identities. */
export class CustomerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The ids among these that exist: one statement however many. */
  async existingIds(ids: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM customers.customer WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((r) => r.id);
  }

  findByIds(ids: readonly string[]): Promise<CustomerEntity[]> {
    return this.dataSource.getRepository(CustomerEntity).findBy({ id: In([...ids]) });
  }

  findByExternalIds(pairs: readonly (readonly [string, string])[]): Promise<ExternalIdentityEntity[]> {
    return this.dataSource.getRepository(ExternalIdentityEntity).findBy(pairs.map(([system, externalId]) => ({ system, externalId })));
  }

  /**
   * The holders of these external ids that were linked to them, leaving out every id a standing merge
   * moved here from the profile it retired (kept in the merge record until an unmerge): a sign-in
   * credential of the retired profile must not sign its holder in as the survivor.
   */
  async findLinkedByExternalIds(pairs: readonly (readonly [string, string])[]): Promise<{ system: string; externalId: string; customerId: string }[]> {
    return this.dataSource.query(
      `SELECT e.system, e.external_id AS "externalId", e.customer_id AS "customerId"
         FROM customers.external_identity e JOIN unnest($1::text[], $2::text[]) AS k(system, external_id) ON e.system = k.system AND e.external_id = k.external_id
        WHERE NOT EXISTS (
          SELECT 1 FROM customers.customer_merge m
           WHERE m.survivor_id = e.customer_id AND m.state IN ('RUNNING', 'MERGED', 'UNMERGING')
             AND m.retired_profile -> 'externalIds' @> jsonb_build_array(jsonb_build_object('system', e.system, 'external_id', e.external_id)))`,
      [pairs.map(([system]) => system), pairs.map(([, externalId]) => externalId)],
    );
  }

  externalIdsOf(customerIds: readonly string[]): Promise<ExternalIdentityEntity[]> {
    return this.dataSource.getRepository(ExternalIdentityEntity).find({
      where: { customerId: In([...customerIds]) },
      order: { system: 'ASC', externalId: 'ASC' },
    });
  }

  /** One page in (created_at, id) order, plus one extra row to tell whether more follow. */
  async page(query: CustomerListQuery): Promise<{ rows: CustomerEntity[]; totalCount: number }> {
    const filtered = () => {
      const qb = this.dataSource.getRepository(CustomerEntity).createQueryBuilder('c');
      const releases = query.releases ?? {};
      if (query.search) {
        const names = released('(lower(c.display_name) LIKE :prefix OR lower(c.family_name) LIKE :prefix)', releases.names, 'namesReleased');
        const email = released('lower(c.email) LIKE :prefix', releases.email, 'emailReleased');
        qb.andWhere(`(${names} OR ${email})`, {
          prefix: `${query.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`,
          namesReleased: releases.names ? [...releases.names] : undefined,
          emailReleased: releases.email ? [...releases.email] : undefined,
        });
      }
      if (query.acquisitionChannel) qb.andWhere('c.acquisition_channel = :channel', { channel: query.acquisitionChannel });
      if (query.countryCode) {
        qb.andWhere(released('c.country_code = :country', releases.country, 'countryReleased'), { country: query.countryCode, countryReleased: releases.country ? [...releases.country] : undefined });
      }
      if (query.createdAfter) qb.andWhere('c.created_at >= :createdAfter', { createdAfter: query.createdAfter });
      if (query.createdBefore) qb.andWhere('c.created_at < :createdBefore', { createdBefore: query.createdBefore });
      if (query.onlyIds) qb.andWhere('c.id = ANY(CAST(:onlyIds AS uuid[]))', { onlyIds: query.onlyIds });
      return qb;
    };
    const pageQuery = filtered().orderBy('c.created_at', 'ASC').addOrderBy('c.id', 'ASC').limit(query.size + 1);
    if (query.after) {
      pageQuery.andWhere('(c.created_at, c.id) > (:afterCreated::timestamptz, :afterId::uuid)', { afterCreated: query.after[0], afterId: query.after[1] });
    }
    const [rows, totalCount] = await Promise.all([pageQuery.getMany(), query.withTotalCount === false ? 0 : filtered().getCount()]);
    return { rows, totalCount };
  }

  async insert(manager: EntityManager, customer: NewCustomer, externalIds: { system: string; id: string }[], now: Date): Promise<string> {
    const id = randomUUID();
    await manager.getRepository(CustomerEntity).insert({ ...customer, id, createdAt: now, updatedAt: now });
    await this.addExternalIds(manager, id, externalIds);
    return id;
  }

  async addExternalIds(manager: EntityManager, customerId: string, externalIds: { system: string; id: string }[]): Promise<void> {
    if (externalIds.length === 0) return;
    await manager.getRepository(ExternalIdentityEntity).insert(externalIds.map((e) => ({ system: e.system, externalId: e.id, customerId })));
  }

  /** The stored (case-folded) e-mail address of a customer, read in the writing transaction; undefined when there is no such customer. */
  async emailOf(manager: EntityManager, id: string): Promise<string | null | undefined> {
    const rows = (await manager.query('SELECT lower(email) AS email FROM customers.customer WHERE id = $1', [id])) as { email: string | null }[];
    return rows[0]?.email;
  }

  async update(manager: EntityManager, id: string, changes: Partial<NewCustomer>, now: Date): Promise<boolean> {
    const result = await manager.getRepository(CustomerEntity).update({ id }, { ...changes, updatedAt: now });
    return (result.affected ?? 0) > 0;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
