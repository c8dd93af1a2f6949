import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A third party customers may consent to share data with. */
@Entity({ name: 'partner' })
export class PartnerEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('boolean')
  active: boolean;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3 })
  createdAt: Date;
}
