import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericAsNumber } from '../common/numeric';

@Entity({ name: 'campaign' })
export class CampaignEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { nullable: true })
  objective: string | null;

  @Column('text')
  status: string;

  @Column({ type: 'timestamptz', name: 'starts_at', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', name: 'ends_at', precision: 3, nullable: true })
  endsAt: Date | null;

  @Column('numeric', { name: 'holdout_percent', precision: 4, scale: 2, transformer: numericAsNumber })
  holdoutPercent: number;

  @Column('int', { name: 'holdout_seed' })
  holdoutSeed: number;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
