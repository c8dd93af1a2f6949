import { In, type DataSource } from 'typeorm';
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

  /** The partner as updated, or null when there is none with this id. */
  async setActive(id: string, active: boolean): Promise<PartnerEntity | null> {
    await this.dataSource.query(`UPDATE consent.partner SET active = $2 WHERE id = $1`, [id, active]);
    return this.findById(id);
  }
}
