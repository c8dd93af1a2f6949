import { In, type DataSource } from 'typeorm';
import { recordEvent } from '@c360/shared';
import { PartnerEntity } from './partner.entity';

/** All SQL for partners. */
export class PartnerRepository {
  constructor(private readonly dataSource: DataSource) {}

  all(): Promise<PartnerEntity[]> {
    return this.dataSource.getRepository(PartnerEntity).find({ order: { name: 'ASC', id: 'ASC' } });
  }

  findByIds(ids: readonly string[]): Promise<PartnerEntity[]> {
    return this.dataSource.getRepository(PartnerEntity).findBy({ id: In([...ids]) });
  }

  findById(id: string): Promise<PartnerEntity | null> {
    return this.dataSource.getRepository(PartnerEntity).findOneBy({ id });
  }

  /** Fails with the database's unique violation when the id is taken. */
  async insert(partner: PartnerEntity): Promise<PartnerEntity> {
    await this.dataSource.query(`INSERT INTO consent.partner (id, name, description, active, created_at) VALUES ($1, $2, $3, $4, $5)`, [
      partner.id,
      partner.name,
      partner.description,
      partner.active,
      partner.createdAt,
    ]);
    return partner;
  }

  /**
   * The partner as updated, or null when there is none with this id. A change of state is announced
   * (partner.deactivated / partner.reactivated) in the same transaction; setting the state it has is no change.
   */
  setActive(id: string, active: boolean, now = new Date()): Promise<PartnerEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const [{ n }]: { n: number }[] = await manager.query(`WITH changed AS (UPDATE consent.partner SET active = $2 WHERE id = $1 AND active <> $2 RETURNING 1) SELECT count(*)::int AS n FROM changed`, [id, active]);
      if (n > 0) await recordEvent(manager, { type: active ? 'partner.reactivated' : 'partner.deactivated', customerId: null, payload: { partnerId: id }, occurredAt: now });
      return manager.getRepository(PartnerEntity).findOneBy({ id });
    });
  }
}
