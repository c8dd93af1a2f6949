import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'The absolute level of one sku, as counted by the ERP' })
export class StockLevelInput {
  @Field()
  sku: string;

  @Field(() => Int, { description: 'Units on hand; 0 takes the product out of every offer' })
  level: number;
}

@InputType({ description: 'One ERP stock movement (goods received, shrinkage, transfer...); replaying its movementId is safe' })
export class StockMovementInput {
  @Field({ description: "The movement's id in the ERP: its idempotency key" })
  movementId: string;

  @Field()
  sku: string;

  @Field(() => Int, { description: 'Units added (positive) or removed (negative)' })
  delta: number;

  @Field(() => Date, { description: 'When it happened in the ERP; only movements after the last stock level move current stock' })
  occurredAt: Date;
}
