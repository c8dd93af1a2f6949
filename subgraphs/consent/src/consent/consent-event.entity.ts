import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the append-only consent ledger (the database refuses UPDATE, DELETE and TRUNCATE). */
@Entity({ name: 'consent_event' })
export class ConsentEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Ledger order, assigned by the database: the latest appended event is the current state. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: number;

  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @Column('text', { name: 'purpose_code' })
  purposeCode: string;

  @Column('text', { name: 'partner_id', nullable: true })
  partnerId: string | null;

  @Column('text')
  status: string;

  @Column('int', { name: 'notice_version', nullable: true })
  noticeVersion: number | null;

  @Column('text')
  channel: string;

  /** The API client that recorded the event (from the gateway-verified caller). */
  @Column('text', { name: 'client_id' })
  clientId: string;

  @Column({ type: 'timestamptz', name: 'recorded_at', precision: 3 })
  recordedAt: Date;

  /** Hash of the customer's previous event (GENESIS_HASH for the first): the link of the hash chain. */
  @Column('text', { name: 'prev_hash' })
  prevHash: string;

  /** SHA-256 over this event's canonical form and prevHash (see ledger/ledger-hash.ts). */
  @Column('text')
  hash: string;
}
