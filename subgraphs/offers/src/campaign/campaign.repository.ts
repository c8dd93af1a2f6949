import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { CampaignEntity } from './campaign.entity';

export interface CampaignListQuery {
  size: number;
  after?: readonly [string, string];
  status?: string | null;
}

export type NewCampaign = Omit<CampaignEntity, 'id' | 'createdAt' | 'updatedAt'>;

/** All SQL for campaigns. */
export class CampaignRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByIds(ids: readonly string[]): Promise<CampaignEntity[]> {
    return this.dataSource.getRepository(CampaignEntity).findBy({ id: In([...ids]) });
  }

  /** One page in (created_at, id) order, plus one extra row to tell whether more follow. */
  async page(query: CampaignListQuery): Promise<{ rows: CampaignEntity[]; totalCount: number }> {
    const filtered = () => {
      const qb = this.dataSource.getRepository(CampaignEntity).createQueryBuilder('c');
      if (query.status) qb.andWhere('c.status = :status', { status: query.status });
      return qb;
    };
    const pageQuery = filtered().orderBy('c.created_at', 'ASC').addOrderBy('c.id', 'ASC').limit(query.size + 1);
    if (query.after) {
      pageQuery.andWhere('(c.created_at, c.id) > (:afterCreated::timestamptz, :afterId::uuid)', { afterCreated: query.after[0], afterId: query.after[1] });
    }
    const [rows, totalCount] = await Promise.all([pageQuery.getMany(), filtered().getCount()]);
    return { rows, totalCount };
  }

  async insert(campaign: NewCampaign, now: Date): Promise<string> {
    const id = randomUUID();
    await this.dataSource.getRepository(CampaignEntity).insert({ ...campaign, id, createdAt: now, updatedAt: now });
    return id;
  }

  /** Reads a campaign and holds a row lock until the transaction ends, so status changes never race. */
  lockById(manager: EntityManager, id: string): Promise<CampaignEntity | null> {
    return manager.getRepository(CampaignEntity).createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** Reads a campaign and keeps it from changing or vanishing while offers are added to it. */
  shareLockById(manager: EntityManager, id: string): Promise<CampaignEntity | null> {
    return manager.getRepository(CampaignEntity).createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_read').getOne();
  }

  async setStatus(manager: EntityManager, id: string, status: string, now: Date): Promise<void> {
    await manager.getRepository(CampaignEntity).update({ id }, { status, updatedAt: now });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
