import type { DataSource } from 'typeorm';
import { DecisionRepository } from '../decision/decision.repository';
import { SegmentConditionResolver } from './segment-condition.resolver';
import { SegmentConditionService } from './segment-condition.service';

/** The segment-condition contract of this subgraph: it reads the ledger through the decision repository. */
export const createSegmentConditionResolver = (dataSource: DataSource) => new SegmentConditionResolver(new SegmentConditionService(new DecisionRepository(dataSource)));
