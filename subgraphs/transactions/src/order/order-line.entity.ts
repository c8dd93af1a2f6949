import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '../money';

@Entity({ name: 'order_line' })
export class OrderLineEntity {
  @PrimaryColumn('uuid', { name: 'order_id' })
  orderId: string;

  /** Position in the order as submitted, from 0. */
  @PrimaryColumn('smallint', { name: 'line_no' })
  lineNo: number;

  @Column('text')
  sku: string;

  @Column('integer')
  quantity: number;

  @Column('numeric', { name: 'unit_price', precision: 12, scale: 2, transformer: numericColumn })
  unitPrice: number;

  @Column('numeric', { name: 'line_total', precision: 12, scale: 2, transformer: numericColumn })
  lineTotal: number;
}
