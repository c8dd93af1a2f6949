import { registerEnumType } from 'type-graphql';

/**
 * The value analysis' lifecycle stages (transactions subgraph), as targeting values. Same name and
 * values as the transactions enum, so the supergraph has one LifecycleStage.
 */
export enum LifecycleStage {
  PROSPECT = 'PROSPECT',
  NEW = 'NEW',
  ACTIVE = 'ACTIVE',
  AT_RISK = 'AT_RISK',
  LAPSED = 'LAPSED',
}

registerEnumType(LifecycleStage, { name: 'LifecycleStage' });
