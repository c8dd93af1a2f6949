import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'segment' })
export class SegmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('integer', { name: 'current_version' })
  currentVersion: number;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
