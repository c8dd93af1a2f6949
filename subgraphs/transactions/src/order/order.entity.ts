import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '../money';

@Entity({ name: 'customer_order' })
export class OrderEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @Column('numeric', { precision: 12, scale: 2, transformer: numericColumn })
  total: number;

  @Column('char', { length: 3 })
  currency: string;

  @Column('text')
  channel: string;

  @Column('text')
  status: string;

  @Column({ type: 'timestamptz', name: 'occurred_at', precision: 3 })
  occurredAt: Date;

  /** With externalId, the idempotency key of ingest (unique). */
  @Column('text', { name: 'source_system' })
  sourceSystem: string;

  @Column('text', { name: 'external_id' })
  externalId: string;

  @Column({ type: 'timestamptz', name: 'recorded_at', precision: 3 })
  recordedAt: Date;
}
