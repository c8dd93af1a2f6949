import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericAsNumber } from '../common/numeric';

@Entity({ name: 'offer_response' })
export class OfferResponseEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The client's idempotency key (unique). */
  @Column('text', { name: 'event_id' })
  eventId: string;

  @Column('uuid', { name: 'offer_id' })
  offerId: string;

  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @Column('text')
  type: string;

  @Column('text')
  channel: string;

  @Column({ type: 'timestamptz', name: 'occurred_at', precision: 3 })
  occurredAt: Date;

  @Column('uuid', { name: 'order_id', nullable: true })
  orderId: string | null;

  @Column('numeric', { precision: 12, scale: 2, nullable: true, transformer: numericAsNumber })
  revenue: number | null;

  /** The OfferOption.key chosen (ADAPTIVE offers only). */
  @Column('text', { name: 'option_key', nullable: true })
  optionKey: string | null;

  @Column({ type: 'timestamptz', name: 'recorded_at', precision: 3 })
  recordedAt: Date;
}
