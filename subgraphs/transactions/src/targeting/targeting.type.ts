import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

// Internal contract for the offers subgraph's eligibility engine: @inaccessible keeps it out of the public graph.

@ObjectType('TargetingCategory')
@Directive('@inaccessible')
export class TargetingCategoryType {
  @Field()
  category: string;

  @Field(() => Int, { description: 'Order lines of COMPLETED orders in this category' })
  lines: number;
}

@ObjectType('CustomerTargetingFacts')
@Directive('@inaccessible')
export class CustomerTargetingFactsType {
  @Field(() => ID)
  customerId: string;

  @Field({ description: 'True when the customer did not consent to PROFILING: every value fact below is then null' })
  valueWithheld: boolean;

  @Field(() => String, { nullable: true })
  lifecycleStage: string | null;

  @Field(() => Float, { nullable: true, description: 'RFM monetary: completed spend in the value window' })
  monetary: number | null;

  @Field(() => Int, { nullable: true, description: 'RFM monetary quintile 1–5' })
  monetaryScore: number | null;

  @Field(() => Float, { nullable: true })
  predictedValue: number | null;

  @Field(() => Float, { nullable: true })
  churnRisk: number | null;

  @Field(() => [TargetingCategoryType], { description: 'Categories bought in COMPLETED orders, most lines first' })
  categories: TargetingCategoryType[];

  @Field(() => [String], { description: 'Skus bought in COMPLETED orders, in sku order' })
  skus: string[];
}

@ObjectType('TargetingProduct')
@Directive('@inaccessible')
export class TargetingProductType {
  @Field()
  sku: string;

  @Field()
  category: string;

  @Field({ description: 'Active and at least one unit available (live: read per request)' })
  inStock: boolean;
}

@ObjectType('CoPurchase')
@Directive('@inaccessible')
export class CoPurchaseType {
  @Field({ description: 'X: a sku one of the customers bought' })
  sku: string;

  @Field({ description: 'Y: bought in the same order as X' })
  alsoBought: string;

  @Field(() => Int, { description: 'Orders holding both X and Y' })
  together: number;

  @Field(() => Float, { description: 'together / orders in the window' })
  support: number;

  @Field(() => Float, { description: 'together / orders holding X' })
  confidence: number;
}

@ObjectType('OfferTargetingFacts')
@Directive('@inaccessible')
export class OfferTargetingFactsType {
  @Field(() => [CustomerTargetingFactsType], { description: 'One per distinct requested customer, in request order' })
  customers: CustomerTargetingFactsType[];

  @Field(() => [TargetingProductType], { description: 'The requested skus and every co-purchased sku that exists in the catalogue' })
  products: TargetingProductType[];

  @Field(() => [CoPurchaseType])
  coPurchases: CoPurchaseType[];
}
