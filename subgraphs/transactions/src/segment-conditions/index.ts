import type { DataSource } from 'typeorm';
import { SegmentConditionRepository } from './segment-condition.repository';
import { SegmentConditionResolver } from './segment-condition.resolver';
import { SegmentConditionService } from './segment-condition.service';

/** The segment-condition contract of this subgraph, wired for one data source. */
export const createSegmentConditionResolver = (dataSource: DataSource) => new SegmentConditionResolver(new SegmentConditionService(new SegmentConditionRepository(dataSource)));
