import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { NoticeEntity } from './notice.entity';
import { PurposeEntity } from './purpose.entity';

/** All SQL for purposes and their notices. */
export class PurposeRepository {
  constructor(private readonly dataSource: DataSource) {}

  all(): Promise<PurposeEntity[]> {
    return this.dataSource.getRepository(PurposeEntity).find({ order: { code: 'ASC' } });
  }

  findByCodes(codes: readonly string[]): Promise<PurposeEntity[]> {
    return this.dataSource.getRepository(PurposeEntity).findBy({ code: In([...codes]) });
  }

  async findByCode(code: string): Promise<PurposeEntity | null> {
    return this.dataSource.getRepository(PurposeEntity).findOneBy({ code });
  }

  /** Every notice of the given purposes, newest version first. */
  noticesOf(codes: readonly string[]): Promise<NoticeEntity[]> {
    return this.dataSource.getRepository(NoticeEntity).find({ where: { purposeCode: In([...codes]) }, order: { purposeCode: 'ASC', version: 'DESC' } });
  }

  findNotice(code: string, version: number): Promise<NoticeEntity | null> {
    return this.dataSource.getRepository(NoticeEntity).findOneBy({ purposeCode: code, version });
  }

  async latestNotice(code: string, manager: EntityManager = this.dataSource.manager): Promise<NoticeEntity | null> {
    return manager.getRepository(NoticeEntity).findOne({ where: { purposeCode: code }, order: { version: 'DESC' } });
  }

  async insertNotice(manager: EntityManager, notice: Omit<NoticeEntity, 'id'>): Promise<NoticeEntity> {
    const entity = Object.assign(new NoticeEntity(), notice, { id: randomUUID() });
    await manager.getRepository(NoticeEntity).insert(entity);
    return entity;
  }

  /** Fails with the database's unique violation when the code is taken. */
  async insert(purpose: PurposeEntity): Promise<void> {
    await this.dataSource.getRepository(PurposeEntity).insert(purpose);
  }

  async setRequiredNoticeVersion(code: string, version: number | null): Promise<void> {
    await this.dataSource.getRepository(PurposeEntity).update({ code }, { requiredNoticeVersion: version });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
