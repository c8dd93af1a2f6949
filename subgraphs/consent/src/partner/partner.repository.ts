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
}
