import { PersonalData, PersonalDataCategory } from '@c360/shared';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { OrderStatus, SalesChannel } from './order.enums';

@ObjectType('OrderLine')
export class OrderLineType {
  @Field()
  sku: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Float)
  unitPrice: number;

  @Field(() => Float, { description: 'quantity × unitPrice' })
  lineTotal: number;
}

@ObjectType('Order', { description: 'A purchase by a customer, from any sales channel' })
@Directive('@key(fields: "id")')
export class OrderType {
  @Field(() => ID)
  id: string;

  /** Not a field: Order.customer turns it into a Customer reference. */
  customerId: string;

  @Field(() => Float, { nullable: true, description: 'Sum of the line totals' })
  @PersonalData(PersonalDataCategory.FINANCIAL)
  total: number;

  @Field({ description: 'ISO 4217 code of all amounts in the order' })
  currency: string;

  @Field(() => SalesChannel, { nullable: true })
  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  channel: SalesChannel;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => Date, { nullable: true })
  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  occurredAt: Date;

  @Field({ description: 'System the order was ingested from, e.g. webshop, pos, erp' })
  sourceSystem: string;

  @Field({ description: "The order's id in its source system; unique per source system" })
  externalId: string;
}
