import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SegmentRule } from './segment-rule';

/** One definition of a segment; never changed after it is written, except for its last evaluation. */
@Entity({ name: 'segment_version' })
export class SegmentVersionEntity {
  @PrimaryColumn('uuid', { name: 'segment_id' })
  segmentId: string;

  @PrimaryColumn('integer')
  version: number;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('jsonb')
  rule: SegmentRule;

  @Column('text', { comment: 'The purpose members are evaluated for' })
  purpose: string;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'evaluated_at', precision: 3, nullable: true })
  evaluatedAt: Date | null;

  @Column('integer', { name: 'member_count', nullable: true })
  memberCount: number | null;
}
