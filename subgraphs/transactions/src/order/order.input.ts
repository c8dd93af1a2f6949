import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { SalesChannel } from './order.enums';

@InputType()
export class OrderLineInput {
  @Field()
  @Length(1, 64)
  sku: string;

  @Field(() => Int)
  @Min(1)
  @Max(1000)
  quantity: number;

  @Field(() => Float, { nullable: true, description: 'Defaults to the catalogue price' })
  @IsOptional()
  @Min(0)
  @Max(99_999.99)
  unitPrice?: number | null;
}

@InputType({ description: 'An order from a source system; replaying the same sourceSystem + externalId is safe' })
export class RecordOrderInput {
  @Field(() => ID)
  customerId: string;

  @Field({ description: 'e.g. webshop, pos, erp' })
  @Length(1, 64)
  sourceSystem: string;

  @Field({ description: "The order's id in the source system" })
  @Length(1, 128)
  externalId: string;

  @Field(() => SalesChannel)
  channel: SalesChannel;

  @Field(() => Date, { nullable: true, description: 'Defaults to now; must not be in the future' })
  @IsOptional()
  occurredAt?: Date | null;

  @Field({ description: 'ISO 4217 code; must match the catalogue currency of every line' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @Field(() => [OrderLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  lines: OrderLineInput[];
}
