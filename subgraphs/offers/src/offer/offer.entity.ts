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

  /** Any-of; empty = no segment rule. Segment ids of the customers subgraph. */
  @Column('text', { name: 'target_segment_ids', array: true, default: () => "'{}'" })
  targetSegmentIds: string[];

  /** Any-of; empty = no lifecycle rule. */
  @Column('text', { name: 'target_lifecycle_stages', array: true, default: () => "'{}'" })
  targetLifecycleStages: string[];

  @Column('numeric', { name: 'min_monetary', precision: 12, scale: 2, nullable: true, transformer: numericAsNumber })
  minMonetary: number | null;

  @Column('numeric', { name: 'min_predicted_value', precision: 12, scale: 2, nullable: true, transformer: numericAsNumber })
  minPredictedValue: number | null;

  @Column('numeric', { name: 'max_churn_risk', precision: 5, scale: 4, nullable: true, transformer: numericAsNumber })
  maxChurnRisk: number | null;

  /** At most this many SHOWN exposures per customer within frequencyCapDays; both or neither. */
  @Column('int', { name: 'frequency_cap', nullable: true })
  frequencyCap: number | null;

  @Column('int', { name: 'frequency_cap_days', nullable: true })
  frequencyCapDays: number | null;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
