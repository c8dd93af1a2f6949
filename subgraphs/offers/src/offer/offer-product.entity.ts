import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A product an offer applies to, by sku only: the catalogue belongs to the transactions subgraph. */
@Entity({ name: 'offer_product' })
export class OfferProductEntity {
  @PrimaryColumn('uuid', { name: 'offer_id' })
  offerId: string;

  @PrimaryColumn('text')
  sku: string;

  @Column('int')
  position: number;
}
