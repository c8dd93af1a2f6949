import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { ExternalIdentityEntity } from './external-identity.entity';

@Entity({ name: 'customer' })
export class CustomerEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { name: 'given_name', nullable: true })
  givenName: string | null;

  @Column('text', { name: 'family_name', nullable: true })
  familyName: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('date', { name: 'birth_date', nullable: true })
  birthDate: string | null;

  @Column('text', { name: 'address_line1', nullable: true })
  addressLine1: string | null;

  @Column('text', { name: 'address_line2', nullable: true })
  addressLine2: string | null;

  @Column('text', { name: 'postal_code', nullable: true })
  postalCode: string | null;

  @Column('text', { nullable: true })
  city: string | null;

  @Column('text', { nullable: true })
  region: string | null;

  @Column('text', { name: 'country_code', nullable: true })
  countryCode: string | null;

  @Column('text')
  locale: string;

  @Column('text', { name: 'acquisition_channel' })
  acquisitionChannel: string;

  @Column('text', { name: 'acquisition_source', nullable: true })
  acquisitionSource: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3 })
  updatedAt: Date;

  @OneToMany(() => ExternalIdentityEntity, (identity) => identity.customer)
  externalIds: ExternalIdentityEntity[];
}
