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

  @Column('integer', { name: 'stock_level' })
  stockLevel: number;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
