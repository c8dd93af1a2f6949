import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CustomerEntity } from './customer.entity';

/** A customer's id in a source system (ERP, web shop, loyalty...); unique per system. */
@Entity({ name: 'external_identity' })
export class ExternalIdentityEntity {
  @PrimaryColumn('text')
  system: string;

  @PrimaryColumn('text', { name: 'external_id' })
  externalId: string;

  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @ManyToOne('CustomerEntity', 'externalIds', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer: CustomerEntity;
}
