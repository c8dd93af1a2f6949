import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericAsNumber } from '../common/numeric';

@Entity({ name: 'offer' })
export class OfferEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @Column('text')
  name: string;

  @Column('text')
  headline: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { name: 'benefit_type' })
  benefitType: string;

  @Column('numeric', { name: 'benefit_value', precision: 12, scale: 2, nullable: true, transformer: numericAsNumber })
  benefitValue: number | null;

  @Column('text', { nullable: true })
  currency: string | null;

  @Column({ type: 'timestamptz', name: 'valid_from', precision: 3 })
  validFrom: Date;

  @Column({ type: 'timestamptz', name: 'valid_until', precision: 3 })
  validUntil: Date;

  @Column('text')
  channel: string;

  @Column('text', { name: 'personalisation_type' })
  personalisationType: string;

  @Column('text', { name: 'consent_purpose' })
  consentPurpose: string;

  @Column('int')
  priority: number;

  @Column('text')
  status: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
