import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One published version of the privacy notice for a purpose; never edited, superseded by the next version. */
@Entity({ name: 'notice' })
export class NoticeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'purpose_code' })
  purposeCode: string;

  @Column('int')
  version: number;

  @Column('text')
  title: string;

  @Column('text')
  summary: string;

  @Column({ type: 'timestamptz', name: 'published_at', precision: 3 })
  publishedAt: Date;
}
