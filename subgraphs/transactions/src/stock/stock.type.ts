import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('StockSnapshotResult')
export class StockSnapshotResultType {
  @Field()
  snapshotId: string;

  @Field(() => Date)
  asOf: Date;

  @Field({ description: 'True when this snapshotId had been received before: nothing changed' })
  replayed: boolean;

  @Field(() => Int, { description: 'Levels in the snapshot' })
  levels: number;

  @Field(() => Int, { description: 'Levels applied; the others were older than the level the sku already had' })
  applied: number;

  @Field(() => [String], { description: 'Skus left alone because they already had a level as of asOf or later (empty on a replay)' })
  staleSkus: string[];
}

@ObjectType('StockAdjustmentResult')
export class StockAdjustmentResultType {
  @Field(() => Int, { description: 'Movements recorded by this call' })
  recorded: number;

  @Field(() => Int, { description: 'Movements already recorded under their movementId (replays): unchanged' })
  replayed: number;
}
