import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'purpose' })
export class PurposeEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  description: string;

  @Column('text', { name: 'legal_basis' })
  legalBasis: string;

  /** Consent for this purpose must name a partner (third-party sharing). */
  @Column('boolean', { name: 'partner_scoped' })
  partnerScoped: boolean;

  /** Grants made under an older notice version no longer satisfy the purpose; null: any version does. */
  @Column('int', { name: 'required_notice_version', nullable: true })
  requiredNoticeVersion: number | null;

  /** The personal-data categories processed for this purpose (data minimisation): decisions deny every other category. */
  @Column('text', { name: 'data_categories', array: true })
  dataCategories: string[];

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3 })
  createdAt: Date;
}
