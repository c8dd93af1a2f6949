import { Arg, Mutation, Resolver } from 'type-graphql';
import { RequiresScope } from '@c360/shared';
import { StockLevelInput, StockMovementInput } from './stock.input';
import { StockService } from './stock.service';
import { StockAdjustmentResultType, StockSnapshotResultType } from './stock.type';

@Resolver()
export class StockResolver {
  constructor(private readonly service: StockService) {}

  @Mutation(() => StockSnapshotResultType, {
    description: 'Absolute ERP stock levels as of a time, all or nothing. Replaying a snapshotId changes nothing; a sku already counted as of asOf or later keeps its level',
  })
  @RequiresScope('stock:write')
  setStockLevels(
    @Arg('snapshotId', { description: "The snapshot's id in the ERP: its idempotency key" }) snapshotId: string,
    @Arg('asOf', () => Date, { description: 'The time the levels were counted; sales and movements after it are applied on top' }) asOf: Date,
    @Arg('levels', () => [StockLevelInput]) levels: StockLevelInput[],
  ): Promise<StockSnapshotResultType> {
    return this.service.setLevels(snapshotId, asOf, levels);
  }

  @Mutation(() => StockAdjustmentResultType, { description: 'ERP stock movements, all or nothing; each movementId is recorded once' })
  @RequiresScope('stock:write')
  adjustStock(@Arg('movements', () => [StockMovementInput]) movements: StockMovementInput[]): Promise<StockAdjustmentResultType> {
    return this.service.adjust(movements);
  }
}
