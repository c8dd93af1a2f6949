import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '../money';

@Entity({ name: 'product' })
export class ProductEntity {
  @PrimaryColumn('text')
  sku: string;

  @Column('text')
  name: string;

  @Column('text')
  category: string;

  @Column('numeric', { precision: 12, scale: 2, transformer: numericColumn })
  price: number;

  @Column('char', { length: 3 })
  currency: string;

  /** Last ERP level plus every ledger entry after it (README, "Catalogue and stock"); below zero when oversold. */
  @Column('integer', { name: 'stock_level' })
  stockLevel: number;

  @Column('boolean')
  active: boolean;

  /** The time the last applied ERP level counts as of; null until the ERP sends one. */
  @Column({ type: 'timestamptz', name: 'stock_as_of', precision: 3, nullable: true })
  stockAsOf: Date | null;

  @Column('integer', { name: 'stock_erp_level', nullable: true })
  stockErpLevel: number | null;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
