import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'interaction' })
export class InteractionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @Column('text')
  channel: string;

  /** PASSIVE (observed: page views, searches) or ACTIVE (given: survey answers, feedback). */
  @Column('text')
  kind: string;

  @Column('text')
  type: string;

  @Column({ type: 'timestamptz', name: 'occurred_at', precision: 3 })
  occurredAt: Date;

  @Column('jsonb')
  attributes: Record<string, unknown>;
}
